"""allauth's sign-up form, doing the same work whether or not the address has an account."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
from django.db import transaction


class SignupForm(AllauthSignupForm):
    """For a known address allauth creates nothing and e-mails the owner instead.

    Creating an account hashes the password, which is most of the time a sign-up takes, so the
    password is hashed for a known address too: otherwise the quicker answer gives it away.
    A new account's rows (user, e-mail address, champion) are written in one transaction: all
    or nothing, and one commit rather than one per row, which also keeps the two answers close.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
            return super().try_save(request)
        with transaction.atomic():
            return super().try_save(request)
