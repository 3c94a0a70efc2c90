"""Forms champions use on the site: their own profile and consents."""

import re

from django import forms

from .choices import ConsentKind
from .models import Champion

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


class ConsentForm(forms.Form):
    """One give-or-withdraw decision about one kind of consent."""

    GIVE = "give"
    WITHDRAW = "withdraw"

    kind = forms.ChoiceField(choices=ConsentKind.choices)
    action = forms.ChoiceField(choices=[(GIVE, "Give"), (WITHDRAW, "Withdraw")])


# What a champion agrees to, per kind; settings.CONSENT_WORDING_VERSION names this wording.
CONSENT_STATEMENTS = {
    ConsentKind.CONTACT_EMAIL: (
        "The programme may e-mail me about events, training, renewals and my volunteering."
    ),
    ConsentKind.CONTACT_TEXT: (
        "The programme may send text messages to my phone about events and my volunteering."
    ),
    ConsentKind.STORY: (
        "The programme may publish my story on its website, after I have seen it. "
        "This lasts five years unless I withdraw it."
    ),
    ConsentKind.PHOTO: (
        "The programme may use photos of me in its publications and on its website. "
        "This lasts five years unless I withdraw it."
    ),
}


class EraseConfirmForm(forms.Form):
    """Confirms a champion's request to have their personal details erased."""

    confirm = forms.BooleanField(
        label="I understand that my details will be removed, my account closed and my "
        "bookings cancelled, and that this cannot be undone.",
        error_messages={"required": "Tick the box to confirm you want your details removed."},
    )
