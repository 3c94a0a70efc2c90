"""The give-or-withdraw form on "My consents"."""

from django import forms

from ..choices import ConsentKind


class ConsentForm(forms.Form):
    """One give-or-withdraw decision about one kind of consent."""

    GIVE = "give"
    WITHDRAW = "withdraw"

    kind = forms.ChoiceField(choices=ConsentKind.choices)
    action = forms.ChoiceField(choices=[(GIVE, "Give"), (WITHDRAW, "Withdraw")])
