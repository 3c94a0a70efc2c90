"""The attendance register's forms: presence per booking, head counts and walk-ins."""

from django import forms

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
        """(registration, bound field, radios) per booking, each radio (id, value, label,
        checked) as strings. The template writes the inputs itself: three widget templates a
        row (and numbers localised one by one) made a register of 200 slow to draw."""
        for registration in self.registrations:
            field = self[self.field_name(registration)]
            current, auto_id = field.value() or "", field.auto_id
            radios = [
                (f"{auto_id}_{index}", value, label, value == current)
                for index, (value, label) in enumerate(PRESENCE_CHOICES)
            ]
            yield registration, field, radios

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
