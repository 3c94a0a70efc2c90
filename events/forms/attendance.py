"""The attendance register's forms: presence per booking, head counts and walk-ins."""

from django import forms
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from ..choices import AttendeeRole

PRESENCE_CHOICES = [("", "Not recorded"), ("present", "Present"), ("absent", "Absent")]

# One booking's row of the register: the champion's name and the three radios the field's
# RadioSelect would draw (same names, ids, values and checked state).
ROW_HTML = (
    '<tr><th scope="row" id="champion-{name}">{champion}</th><td>'
    '<fieldset aria-labelledby="champion-{name}">{radios}</fieldset>{errors}</td></tr>'
)
RADIO_HTML = (
    '<label for="{id}_{index}" style="display:inline-block;margin-right:1.5em">'
    '<input type="radio" name="{name}" value="{value}" id="{id}_{index}"{checked}> {label}</label>'
)


class PresenceField(forms.ChoiceField):
    """Present, absent or not recorded, for one booking. The choices are fixed and already in
    Django's normal form, so they are not normalised again for each of a register's hundreds
    of fields (ChoiceField's constructor did so twice a field, half of building the form)."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        forms.Field.__init__(self, required=False, **kwargs)
        self._choices = self.widget._choices = PRESENCE_CHOICES


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
        initials = {True: "present", False: "absent", None: ""}
        for registration in registrations:
            self.fields[self.field_name(registration)] = PresenceField(
                label=registration.champion.preferred_name,
                initial=initials[registration.attended],
            )

    @staticmethod
    def field_name(registration):
        return f"reg-{registration.pk}"

    def rows(self):
        """Each booking's table row as HTML: the champion's name and three radios. Written
        here with plain string formatting, escaping only what varies: a register of 200 drew
        600 widget templates (later 200 template loops, then 4,400 escapes), most of its time."""
        errors = self.errors
        for registration in self.registrations:
            field = self[self.field_name(registration)]
            current, name = field.value() or "", escape(field.html_name)
            auto_id = escape(field.auto_id)
            radios = "".join(
                RADIO_HTML.format(
                    id=auto_id,
                    index=index,
                    name=name,
                    value=value,
                    checked=" checked" if value == current else "",
                    label=label,
                )
                for index, (value, label) in enumerate(PRESENCE_CHOICES)
            )
            field_errors = errors.get(field.name)
            yield mark_safe(  # noqa: S308 - every value that varies is escaped above
                ROW_HTML.format(
                    name=name,
                    champion=escape(registration.champion.display_name()),
                    radios=radios,
                    errors=conditional_escape(field_errors) if field_errors else "",
                )
            )

    def marks(self) -> dict[int, bool | None]:
        values = {"present": True, "absent": False, "": None}
        return {r.pk: values[self.cleaned_data[self.field_name(r)]] for r in self.registrations}


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
