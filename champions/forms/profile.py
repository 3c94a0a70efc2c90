"""The form a champion edits their own profile with."""

from django import forms

from accounts.choices import Channel
from accounts.phone import phone_e164

from ..models import Champion


class ProfileForm(forms.ModelForm):
    """What a champion may change about themselves; stage and staff notes are for staff."""

    class Meta:
        model = Champion
        fields = [
            "preferred_name",
            "area",
            "phone",
            "preferred_channel",
            "languages",
            "heard_about",
        ]
        labels = {
            "preferred_name": "What should we call you?",
            "area": "Your ward",
            "phone": "Mobile number (optional)",
            "preferred_channel": "How would you like us to send you messages?",
            "languages": "Languages you speak (optional)",
            "heard_about": "How did you hear about the programme? (optional)",
        }
        widgets = {"preferred_channel": forms.RadioSelect}
        help_texts = {
            "phone": "We only use it if you have agreed to be contacted by text.",
            "preferred_channel": "Text messages need a mobile number and your agreement to be "
            "texted. You can also reply STOP to any text.",
            "languages": "Separate languages with commas, for example: English, Polish.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].empty_label = "Choose your ward"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["preferred_channel"].required = False
        self.fields["preferred_name"].widget.attrs.update(autocomplete="given-name")

    def clean_preferred_name(self):
        name = self.cleaned_data["preferred_name"].strip()
        if not name:
            raise forms.ValidationError("Enter the name you would like us to use.")
        return name

    def clean_preferred_channel(self):
        return self.cleaned_data["preferred_channel"] or Channel.EMAIL

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return phone_e164(phone) if phone else ""
