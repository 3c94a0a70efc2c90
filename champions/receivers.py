"""How the champions app answers signals (connected in apps.py): its own records whose change
may clear or raise a champion's "Needs attention", and changes that retire the funder
reports' cached figures (report_cache.py; events connects its events too), and the same
changes kept in the activity summary the reports read (services/report_summary.py)."""

from django.db import transaction

from .choices import ActivityStatus, ConsentKind
from .models import ActivityFactor, ActivityLog, Champion
from .report_cache import report_figures_clear
from .services.consents import consent_withdraw
from .services.journey import champion_attention_refresh
from .services.report_summary import (
    NO_WARD,
    activity_summary_apply,
    activity_summary_factor_figures,
    activity_summary_figures,
)

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


# The activity summary: what a change touches is read before it and after it, in its
# transaction. Factor rows account for themselves (ActivityFactor's own signals, and m2m
# "post_add", whose rows are bulk-created without post_save); a log for its own row and,
# when it is saved, for its factors' rows too (its status, hours, date move them).


def on_activity_log_saving(sender, instance, raw=False, **kwargs):
    if instance.pk is not None and not raw:
        logs = ActivityLog.objects.filter(pk=instance.pk)
        instance._summary_before = activity_summary_figures(logs)


def on_activity_log_saved_summary(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_summary_before", None)
    if not raw and (before or instance.status == ActivityStatus.APPROVED):
        after = activity_summary_figures(ActivityLog.objects.filter(pk=instance.pk))
        activity_summary_apply(before=before, after=after)


def on_activity_log_deleting(sender, instance, **kwargs):
    """Its own row; its factor rows are deleted first, each through on_factor_row_deleting."""
    logs = ActivityLog.objects.filter(pk=instance.pk)
    activity_summary_apply(before=activity_summary_figures(logs, factors=False))


def on_factor_row_saving(sender, instance, raw=False, **kwargs):
    if instance.pk is not None and not raw:
        rows = ActivityFactor.objects.filter(pk=instance.pk)
        instance._summary_before = activity_summary_factor_figures(rows)


def on_factor_row_saved(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_summary_before", None)
    if not raw:
        after = activity_summary_factor_figures(ActivityFactor.objects.filter(pk=instance.pk))
        activity_summary_apply(before=before, after=after)


def on_factor_row_deleting(sender, instance, **kwargs):
    rows = ActivityFactor.objects.filter(pk=instance.pk)
    activity_summary_apply(before=activity_summary_factor_figures(rows))


def on_factors_added(sender, instance, action, reverse, pk_set, **kwargs):
    """Removals delete ActivityFactor rows one by one (their own signals); additions are
    bulk-created, so they are counted here."""
    if action != "post_add" or not pk_set:
        return
    if reverse:
        rows = ActivityFactor.objects.filter(factor=instance, activity__in=pk_set)
    else:
        rows = ActivityFactor.objects.filter(activity=instance, factor__in=pk_set)
    activity_summary_apply(after=activity_summary_factor_figures(rows))


def on_champion_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """A new ward or stage moves the champion's approved logs to other summary rows."""
    if (
        instance.pk is None
        or raw
        or (update_fields and not {"area", "area_id", "stage"} & update_fields)
    ):
        return
    old = Champion.objects.filter(pk=instance.pk).values_list("area_id", "stage").first()
    if old is not None and old != (instance.area_id, instance.stage):
        logs = ActivityLog.objects.filter(champion_id=instance.pk)
        instance._summary_before = activity_summary_figures(logs)


def on_champion_saved(sender, instance, raw=False, **kwargs):
    before = instance.__dict__.pop("_summary_before", None)
    if before and not raw:
        after = activity_summary_figures(ActivityLog.objects.filter(champion_id=instance.pk))
        activity_summary_apply(before=before, after=after)


def on_area_deleting(sender, instance, **kwargs):
    """Its champions' ward is emptied by an UPDATE (no signal): their logs move to no ward."""
    before = activity_summary_figures(ActivityLog.objects.filter(champion__area=instance))
    after = {(month, NO_WARD, *rest): v for (month, _, *rest), v in before.items()}
    activity_summary_apply(before=before, after=after)
