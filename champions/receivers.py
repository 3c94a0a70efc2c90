"""How the champions app answers signals (connected in apps.py): its own records whose change
may clear or raise a champion's "Needs attention"."""

from .choices import ConsentKind
from .models import Champion
from .services.consents import consent_withdraw
from .services.journey import champion_attention_refresh

STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL"}


def on_readiness_record_saved(sender, instance, raw=False, **kwargs):
    """A training record or onboarding check was saved: recompute "Needs attention" now."""
    if not raw:  # not while loading fixtures
        champion_attention_refresh(champion_id=instance.champion_id)


def on_sms_received(sender, number, text, **kwargs):
    """A reply "STOP" withdraws the consent to be texted of every champion with that number;
    the next text message to them is withheld (checked when it is sent)."""
    if text.strip().upper().rstrip(".!") not in STOP_WORDS:
        return
    for champion in Champion.objects.filter(phone=number, anonymised_at__isnull=True):
        consent_withdraw(champion=champion, kind=ConsentKind.CONTACT_TEXT)
