"""A list of choices stored as JSON, edited as checkboxes; works on SQLite and PostgreSQL.

No model uses it any more (parent-voice items point at ProtectiveFactor rows since migration
0007); migration 0002 still names it, and a migration must keep loading.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """Zero or more values from `item_choices`, kept in the order of the choices."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _ in self.item_choices}
        unknown = [v for v in value or [] if v not in allowed]
        if unknown:
            raise ValidationError(f"Unknown choice: {', '.join(map(str, unknown))}.")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, value):
        names = dict(self.item_choices)
        return [names.get(v, v) for v in value or []]
