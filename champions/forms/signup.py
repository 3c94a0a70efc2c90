"""The champion's part of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

from django import forms
from django.core.exceptions import ValidationError

from accounts.phone import phone_e164

from ..choices import ConsentKind, ContactPreference
from ..models import Area
from ..services.journey import champion_sign_up
from ..wording import CONSENT_WORDING


def _consent_field_name(kind: str) -> str:
    return f"consent_{kind}"


class ChampionSignupForm(forms.Form):
    """First name, area (or "not sure"), how to get in touch, and each consent explained.

    Every consent is optional and can be changed later on "My consents".
    """

    preferred_name = forms.CharField(
        label="Your first name",
        max_length=80,
        help_text="Or the name you like to be called.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    area = forms.ModelChoiceField(
        label="Your ward",
        queryset=Area.objects.all(),
        required=False,
        empty_label="Not sure",
        help_text="The ward you live in. Choose “Not sure” and we will work it out together.",
    )
    contact_preference = forms.ChoiceField(
        label="How would you like us to contact you?",
        choices=ContactPreference.choices,
        initial=ContactPreference.EMAIL,
        required=False,  # blank means e-mail, the address they are signing up with
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=30,
        required=False,
        help_text="Needed if you would like a call or a text.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in ConsentKind:
            self.fields[_consent_field_name(kind)] = forms.BooleanField(
                label=f"Yes: {kind.label.lower()}",
                required=False,
                help_text=CONSENT_WORDING[kind].statement,
            )

    def clean(self):
        cleaned = super().clean()
        wants_phone = cleaned.get("contact_preference") in (
            ContactPreference.PHONE,
            ContactPreference.TEXT,
        )
        phone = cleaned.get("phone", "").strip()
        if wants_phone and not phone:
            self.add_error("phone", "Give a phone number so that we can call or text you.")
        elif phone:
            try:
                cleaned["phone"] = phone_e164(phone)  # stored as the outbox sends to it
            except ValidationError as error:
                self.add_error("phone", error)
        return cleaned

    def signup(self, request, user):
        data = self.cleaned_data
        user.first_name = data["preferred_name"]
        user.save(update_fields=["first_name"])
        champion_sign_up(
            user=user,
            preferred_name=data["preferred_name"],
            area=data["area"],
            contact_preference=data["contact_preference"] or ContactPreference.EMAIL,
            phone=data["phone"],
            consents=[k for k in ConsentKind if data.get(_consent_field_name(k))],
        )
