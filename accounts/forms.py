from django import forms

from .signals import user_signed_up


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form: what a new champion is called."""

    preferred_name = forms.CharField(
        label="What should we call you?",
        max_length=80,
        help_text="Your first name or the name you like to be called.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["preferred_name"]
        user.save(update_fields=["first_name"])
        # The champions app creates the champion profile (champions/receivers.py).
        user_signed_up.send(
            sender=type(user), user=user, preferred_name=self.cleaned_data["preferred_name"]
        )
