"""The attendance register's forms: presence per booking, head counts and walk-ins."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..choices import AttendeeRole

PRESENCE_CHOICES = [("", "Not recorded"), ("present", "Present"), ("absent", "Absent")]


class AttendanceForm(forms.Form):
    """One present/absent choice per booking, head counts and walk-ins to remove."""

    families_reached = forms.IntegerField(label="Families reached", min_value=0, required=False)
    children_reached = forms.IntegerField(label="Children reached", min_value=0, required=False)
    remove_walk_ins = forms.MultipleChoiceField(
        label="Remove walk-ins", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, walk_ins, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = registrations
        self.fields["remove_walk_ins"].choices = [(str(w.pk), str(w)) for w in walk_ins]
        for registration in registrations:
            initial = {True: "present", False: "absent"}.get(registration.attended, "")
            self.fields[self.field_name(registration)] = forms.ChoiceField(
                label=registration.champion.preferred_name,
                choices=PRESENCE_CHOICES,
                required=False,
                initial=initial,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def field_name(registration):
        return f"reg-{registration.pk}"

    def rows(self):
        """Each booking's table row as HTML: the champion's name and three radios. Written
        here, not by the template or the radio widget: a register of 200 drew 600 widget
        templates (later 200 template loops of a dozen lookups each), most of its time."""
        for registration in self.registrations:
            field = self[self.field_name(registration)]
            current, auto_id, name = field.value() or "", field.auto_id, field.html_name
            radios = format_html_join(
                "",
                '<label for="{}" style="display:inline-block;margin-right:1.5em">'
                '<input type="radio" name="{}" value="{}" id="{}"{}> {}</label>',
                (
                    (
                        f"{auto_id}_{i}",
                        name,
                        value,
                        f"{auto_id}_{i}",
                        _checked(value, current),
                        label,
                    )
                    for i, (value, label) in enumerate(PRESENCE_CHOICES)
                ),
            )
            yield format_html(
                '<tr><th scope="row" id="champion-{}">{}</th><td>'
                '<fieldset aria-labelledby="champion-{}">{}</fieldset>{}</td></tr>',
                name,
                registration.champion.display_name,
                name,
                radios,
                field.errors or "",
            )

    def marks(self) -> dict[int, bool | None]:
        values = {"present": True, "absent": False, "": None}
        return {r.pk: values[self.cleaned_data[self.field_name(r)]] for r in self.registrations}


def _checked(value: str, current: str):
    return mark_safe(" checked") if value == current else ""


class WalkInForm(forms.Form):
    """One walk-in attendee added on the register."""

    role = forms.ChoiceField(choices=[("", "Choose a role"), *AttendeeRole.choices], required=False)
    name = forms.CharField(max_length=150, required=False, help_text="Optional.")
    organisation = forms.CharField(max_length=150, required=False)

    def clean(self):
        data = super().clean()
        if (data.get("name") or data.get("organisation")) and not data.get("role"):
            self.add_error("role", "Choose the walk-in's role.")
        return data


WalkInFormSet = forms.formset_factory(WalkInForm, extra=5, max_num=200, validate_max=True)
