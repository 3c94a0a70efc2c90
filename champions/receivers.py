"""How the champions app answers signals of the accounts app (connected in apps.py)."""

from .choices import ConsentKind
from .models import Champion
from .services.consents import consent_withdraw
from .services.journey import champion_register

STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL"}


def on_user_signed_up(sender, user, preferred_name, **kwargs):
    """A new sign-up becomes a champion at the "enquiry" stage."""
    champion_register(user=user, preferred_name=preferred_name)


def on_sms_received(sender, number, text, **kwargs):
    """A reply "STOP" withdraws the consent to be texted of every champion with that number;
    the next text message to them is withheld (checked when it is sent)."""
    if text.strip().upper().rstrip(".!") not in STOP_WORDS:
        return
    for champion in Champion.objects.filter(phone=number, anonymised_at__isnull=True):
        consent_withdraw(champion=champion, kind=ConsentKind.CONTACT_TEXT)
