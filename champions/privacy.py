"""A champion's own data: a copy on request, and anonymisation (on request or after leaving).

Anonymising keeps what the programme must still count (hours, attendance, amounts paid) and
removes everything that says who the person was.
"""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .choices import Stage
from .models import Champion
from .selectors import consents_current

REMOVED = "(removed)"


def champion_data_export(champion: Champion) -> dict:
    """Everything held about this champion, as plain data for a JSON download."""
    user = champion.user

    def rows(queryset, *fields):
        return [{field: _path(obj, field) for field in fields} for obj in queryset]

    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": {
            "preferred_name": champion.preferred_name,
            "area": str(champion.area or ""),
            "phone": champion.phone,
            "languages": champion.languages,
            "heard_about": champion.heard_about,
            "stage": champion.get_stage_display(),
            "joined_on": _plain(champion.joined_on),
            "coordinator": str(champion.coordinator or ""),
        },
        "stage_history": rows(
            champion.stage_changes.all(), "from_stage", "to_stage", "changed_at", "reason"
        ),
        "checks": rows(
            champion.checks.all(),
            "kind",
            "status",
            "completed_on",
            "renewal_due_on",
            "certificate_last4",
        ),
        "consents": rows(
            champion.consents.all(),
            "kind",
            "given_at",
            "wording_version",
            "expires_at",
            "withdrawn_at",
        ),
        "training": rows(
            champion.training_records.select_related("module"),
            "module__title",
            "status",
            "completed_on",
            "expires_on",
        ),
        "activity_logs": rows(
            champion.activity_logs.prefetch_related("factors"),
            "date",
            "kind",
            "hours",
            "people_reached",
            "description",
            "status",
            "staff_message",
            "champion_reply",
        ),
        "expense_claims": rows(
            champion.expense_claims.all(),
            "date",
            "category",
            "amount",
            "description",
            "status",
            "paid_on",
            "payment_reference",
        ),
        "event_registrations": rows(
            champion.registrations.select_related("event"),
            "event__title",
            "event__starts_at",
            "status",
            "attended",
        ),
        "stories": rows(champion.stories.all(), "title", "live", "first_published_at"),
    }


def _path(obj, dotted):
    for part in dotted.split("__"):
        obj = getattr(obj, part, None)
    return _plain(obj)


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@transaction.atomic
def champion_anonymise(*, champion: Champion, by=None, reason: str) -> Champion:
    """Remove everything that identifies this champion; idempotent.

    Consents are withdrawn first, so stories about them come down (and staff are told).
    """
    champion = Champion.objects.select_for_update().select_related("user").get(pk=champion.pk)
    if champion.anonymised_at is not None:
        return champion
    from .services import consent_withdraw

    for kind in consents_current(champion):
        consent_withdraw(champion=champion, kind=kind)
    champion.stories.update(champion=None)
    _cancel_future_bookings(champion)

    champion.preferred_name = f"Former champion {champion.pk}"
    champion.phone = champion.languages = champion.heard_about = ""
    champion.staff_notes = champion.attention_needed = ""
    if champion.stage != Stage.ALUMNI:
        champion.stage = Stage.ALUMNI
        champion.left_on = champion.left_on or timezone.localdate()
    champion.anonymised_at = timezone.now()
    champion.save()
    champion.stage_changes.update(reason="")
    champion.supervision_notes.all().delete()
    champion.checks.update(certificate_last4="", notes="")
    champion.activity_logs.update(description=REMOVED, champion_reply="", staff_message="")
    for claim in champion.expense_claims.exclude(receipt=""):
        claim.receipt.delete(save=False)
    champion.expense_claims.update(description=REMOVED, receipt="", staff_message="")
    if hasattr(champion, "calendar_feed"):
        champion.calendar_feed.delete()

    user = champion.user
    EmailAddress.objects.filter(user=user).delete()
    user.email = f"former-champion-{champion.pk}@invalid.example"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    log(instance=champion, action="champions.anonymise", user=by, data={"reason": reason})
    return champion


def _cancel_future_bookings(champion):
    from events.choices import RegistrationStatus
    from events.services import registration_cancel

    for registration in champion.registrations.filter(
        event__starts_at__gt=timezone.now(),
        status__in=[RegistrationStatus.BOOKED, RegistrationStatus.WAITING],
    ).select_related("event"):
        registration_cancel(registration=registration)


def leavers_anonymise(*, today: datetime.date | None = None) -> int:
    """Anonymise alumni who left more than LEAVER_RETENTION_DAYS ago; returns how many."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.LEAVER_RETENTION_DAYS)
    leavers = Champion.objects.filter(
        stage=Stage.ALUMNI, left_on__lt=cutoff, anonymised_at__isnull=True
    )
    count = 0
    for champion in leavers:
        champion_anonymise(champion=champion, reason="Retention period after leaving ended")
        count += 1
    return count
