"""The form a champion edits their own profile with."""

from django import forms

from accounts.choices import Channel
from accounts.phone import phone_e164

from ..choices import ContactPreference
from ..models import Champion

# Shown together under "Keeping in touch": a person's calls and the site's written messages.
CONTACT_FIELDS = ("phone", "contact_preference", "preferred_channel")


class ProfileForm(forms.ModelForm):
    """What a champion may change about themselves; stage and staff notes are for staff.

    Two choices look alike, so they sit together with help that tells them apart: how their
    coordinator gets in touch in person (`contact_preference`: call, text or e-mail), and how
    the site sends written messages (`preferred_channel`: e-mail or text).
    """

    class Meta:
        model = Champion
        fields = [
            "preferred_name",
            "area",
            "phone",
            "contact_preference",
            "preferred_channel",
            "languages",
            "heard_about",
        ]
        labels = {
            "preferred_name": "What should we call you?",
            "area": "Your ward",
            "phone": "Mobile number (optional)",
            "contact_preference": "How would you like your coordinator to get in touch?",
            "preferred_channel": "How should we send you reminders, news and group messages?",
            "languages": "Languages you speak (optional)",
            "heard_about": "How did you hear about the programme? (optional)",
        }
        widgets = {"preferred_channel": forms.RadioSelect, "contact_preference": forms.RadioSelect}
        help_texts = {
            "phone": "We only use it if you have agreed to be contacted by text.",
            "contact_preference": "When your coordinator contacts you personally: a phone call, "
            "a text or an e-mail.",
            "preferred_channel": "Written messages from the programme. Text messages need a "
            "mobile number and your agreement to be texted (on your consents page); without "
            "them we send an e-mail. You can also reply STOP to any text.",
            "languages": "Separate languages with commas, for example: English, Polish.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].empty_label = "Choose your ward"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["preferred_channel"].required = False
        self.fields["contact_preference"].required = False
        self.fields["preferred_name"].widget.attrs.update(autocomplete="given-name")

    def clean_preferred_name(self):
        name = self.cleaned_data["preferred_name"].strip()
        if not name:
            raise forms.ValidationError("Enter the name you would like us to use.")
        return name

    def clean_preferred_channel(self):
        return self.cleaned_data["preferred_channel"] or Channel.EMAIL

    def clean_contact_preference(self):
        # Left unanswered: keep what they chose before (at sign-up).
        return self.cleaned_data["contact_preference"] or self.instance.contact_preference

    def clean(self):
        cleaned = super().clean()
        if "phone" in self.errors or cleaned.get("phone"):
            return cleaned
        if cleaned.get("contact_preference") in (ContactPreference.PHONE, ContactPreference.TEXT):
            self.add_error(
                "phone", "Give a phone number so that your coordinator can call or text."
            )
        if cleaned.get("preferred_channel") == Channel.SMS:
            self.add_error("phone", "Give a mobile number so that we can send you texts.")
        return cleaned

    def contact_fields(self):
        return [self[name] for name in CONTACT_FIELDS]

    def other_fields(self):
        return [field for field in self if field.name not in CONTACT_FIELDS]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return phone_e164(phone) if phone else ""
