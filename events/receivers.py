"""How the events app answers the champions app's signals and hooks.

Connected in apps.py (signals) and registered in wagtail_hooks.py (hooks): champions never
imports events, so this is where events reacts to what happens to a champion.
"""

from django.urls import reverse
from django.utils import timezone

from accounts.columns import format_when
from accounts.site import absolute_url
from champions.hooks import StaffRecordSection
from champions.selectors.privacy import export_rows

from .choices import RegistrationStatus
from .models import CalendarFeed, ConsultationResponse, Event, Registration
from .selectors.consultations import paper_responses_count
from .services.booking import registration_cancel


def on_champion_anonymising(sender, champion, **kwargs):
    """Cancel the champion's future bookings and waiting-list places, and drop their feed."""
    for registration in Registration.objects.filter(
        champion=champion,
        event__starts_at__gt=timezone.now(),
        status__in=[RegistrationStatus.BOOKED, RegistrationStatus.WAITING],
    ).select_related("event"):
        registration_cancel(registration=registration)
    CalendarFeed.objects.filter(champion=champion).delete()
    # Parents' answers stay (anonymous); the champion's note of where they collected them goes.
    ConsultationResponse.objects.filter(entered_by=champion).update(where="")


def events_booked_by(champion, *, started_only: bool):
    """Events the champion was booked on (that have started): what they may log as activity."""
    events = Event.objects.filter(
        registrations__champion=champion, registrations__status=RegistrationStatus.BOOKED
    )
    if started_only:
        events = events.filter(starts_at__lte=timezone.now())
    return events.order_by("-starts_at")


def people_reached_through_responses(champion) -> list[tuple[str, int]]:
    """Each consultation response the champion entered is one person they reached."""
    return [("Survey responses entered", paper_responses_count(champion))]


def champion_data_export(champion) -> dict:
    """The champion's event registrations, calendar feed, invitations and the consultation
    responses they entered, for their data download."""
    feeds = export_rows(CalendarFeed.objects.filter(champion=champion), "token", "created_at")
    for feed in feeds:
        feed["url"] = absolute_url(reverse("calendar:private", args=[feed["token"]]))
    return {
        "event_registrations": export_rows(
            Registration.objects.filter(champion=champion).select_related("event"),
            "event__title",
            "event__starts_at",
            "status",
            "attended",
            "created_at",
            "cancelled_at",
        ),
        "calendar_feed": feeds,
        "event_invitations": export_rows(
            Event.objects.filter(invited=champion), "title", "starts_at"
        ),
        "consultation_responses_entered": export_rows(
            ConsultationResponse.objects.filter(entered_by=champion).select_related("consultation"),
            "consultation__title",
            "channel",
            "where",
            "submitted_at",
        ),
    }


def champion_staff_record(champion) -> StaffRecordSection:
    """The events the champion booked and whether they came, for their admin record."""
    registrations = list(
        Registration.objects.filter(champion=champion)
        .select_related("event")
        .order_by("-event__starts_at", "-pk")
    )
    attended = {True: "Present", False: "Absent", None: "Not recorded"}
    booked = [r for r in registrations if r.status == RegistrationStatus.BOOKED]
    came = sum(1 for r in booked if r.attended)
    return StaffRecordSection(
        heading="Events booked and attended",
        columns=["Event", "When", "Booking", "Attendance"],
        rows=[
            [
                r.event.title,
                format_when(r.event.starts_at),
                r.get_status_display(),
                attended[r.attended],
            ]
            for r in registrations
        ],
        summary=f"{len(booked)} booked, {came} attended.",
        empty="No events booked yet.",
    )
