"""How the champions app answers signals (connected in apps.py): its own records whose change
may clear or raise a champion's "Needs attention", and changes that retire the funder
reports' cached figures (report_cache.py; events connects its events too)."""

from django.db import transaction

from .choices import ActivityStatus, ConsentKind
from .models import ActivityLog, Champion
from .report_cache import report_figures_clear
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


def on_report_data_changed(sender, **kwargs):
    # Now, and again after commit: a report read in between may have cached the old figures.
    report_figures_clear()
    transaction.on_commit(report_figures_clear)


def on_activity_log_saved(sender, instance, **kwargs):
    """Only approved hours are counted: a log approved, changed while approved, or no longer
    approved retires the figures."""
    if ActivityStatus.APPROVED in (instance.status, instance.status_when_loaded):
        on_report_data_changed(sender)


def on_activity_log_deleted(sender, instance, **kwargs):
    if instance.status == ActivityStatus.APPROVED:
        on_report_data_changed(sender)


def on_activity_factors_changed(sender, instance, action, reverse, **kwargs):
    """Factors set on an approved log (or a factor's logs changed) move the coverage."""
    if action.startswith("post_") and (reverse or instance.status == ActivityStatus.APPROVED):
        on_report_data_changed(sender)


def on_activity_factor_row_saved(sender, instance, **kwargs):
    """A factor row written directly (not through the log's `protective_factors`)."""
    if ActivityLog.objects.filter(pk=instance.activity_id, status=ActivityStatus.APPROVED).exists():
        on_report_data_changed(sender)
