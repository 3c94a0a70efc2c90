"""The form a champion edits their own profile with."""

import re

from django import forms

from ..models import Champion

PHONE_RE = re.compile(r"^\+?[0-9 ()-]{7,20}$")


class ProfileForm(forms.ModelForm):
    """What a champion may change about themselves; stage and staff notes are for staff."""

    class Meta:
        model = Champion
        fields = ["preferred_name", "area", "phone", "languages", "heard_about"]
        labels = {
            "preferred_name": "What should we call you?",
            "area": "Your ward",
            "phone": "Phone number (optional)",
            "languages": "Languages you speak (optional)",
            "heard_about": "How did you hear about the programme? (optional)",
        }
        help_texts = {
            "phone": "We only use it if you have agreed to be contacted by text.",
            "languages": "Separate languages with commas, for example: English, Polish.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].empty_label = "Choose your ward"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["preferred_name"].widget.attrs.update(autocomplete="given-name")

    def clean_preferred_name(self):
        name = self.cleaned_data["preferred_name"].strip()
        if not name:
            raise forms.ValidationError("Enter the name you would like us to use.")
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(
                "Enter a phone number using digits, spaces and an optional +, "
                "for example 07700 900123."
            )
        return phone
