import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from champions.choices import ProtectiveFactorCode
from events.choices import ActionStatus, EventKind
from events.models import MeetingRecord
from tests.factories.accounts import CoordinatorFactory
from tests.factories.events import (
    EventFactory,
    MeetingActionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def _past_event(**kwargs):
    starts = timezone.now() - datetime.timedelta(hours=3)
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)


def test_meeting_record_editor_saves_ordered_items(coordinator_client):
    event = _past_event(kind=EventKind.CO_PRODUCTION)
    data = nested_form_data(
        {
            "event": event.pk,
            "agenda": "Welcome; health visiting; AOB",
            "notes": "",
            "parent_voice_items": inline_formset(
                [
                    {
                        "text": "Clinic times clash with the school run",
                        "ORDER": 2,
                    },
                    {"text": "We want a dads' group", "ORDER": 1},
                ]
            ),
            "decisions": inline_formset([{"text": "Pilot a Saturday clinic", "ORDER": 1}]),
            "actions": inline_formset(
                [
                    {
                        "what": "Ask for room bookings",
                        "owner": "Health visiting lead",
                        "due_on": "2027-01-31",
                        "status": ActionStatus.OPEN,
                        "ORDER": 1,
                    }
                ]
            ),
        }
    )
    # A multiple choice is a list under one key (nested_form_data would split it).
    data["parent_voice_items-0-protective_factors"] = [ProtectiveFactorCode.CONCRETE_SUPPORT]
    response = coordinator_client.post(reverse("events_meetingrecord:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    record = MeetingRecord.objects.get(event=event)
    items = list(record.parent_voice_items.all())
    assert [i.text for i in items] == [
        "We want a dads' group",
        "Clinic times clash with the school run",
    ]
    codes = items[1].protective_factors.values_list("code", flat=True)
    assert list(codes) == [ProtectiveFactorCode.CONCRETE_SUPPORT]
    assert items[1].protective_factor_labels() == ["Concrete support in times of need"]
    assert str(items[1]) == "Clinic times clash with the school run"
    assert record.actions.get().owner == "Health visiting lead"


def test_meeting_record_only_for_meetings_and_focus_groups(coordinator_client):
    stall = _past_event(kind=EventKind.STALL)
    data = nested_form_data(
        {
            "event": stall.pk,
            "agenda": "",
            "notes": "",
            "parent_voice_items": inline_formset([]),
            "decisions": inline_formset([]),
            "actions": inline_formset([]),
        }
    )
    response = coordinator_client.post(reverse("events_meetingrecord:add"), data)
    assert response.status_code == 200
    assert not MeetingRecord.objects.exists()


def test_meeting_record_add_is_prefilled_from_the_event(coordinator_client):
    event = _past_event(kind=EventKind.FOCUS_GROUP, title="Bumps and babies focus group")
    response = coordinator_client.get(reverse("events_meetingrecord:add"), {"event": event.pk})
    assert f'<option value="{event.pk}" selected>' in response.content.decode()


def test_open_actions_lists_overdue_first_and_hides_done(coordinator_client):
    today = timezone.localdate()
    MeetingActionFactory(what="Due next month", due_on=today + datetime.timedelta(days=30))
    MeetingActionFactory(what="Long overdue", due_on=today - datetime.timedelta(days=30))
    MeetingActionFactory(what="No date", due_on=None)
    MeetingActionFactory(what="Just overdue", due_on=today - datetime.timedelta(days=1))
    MeetingActionFactory(what="Finished", done=True)
    response = coordinator_client.get(reverse("events_meetingaction:index"))
    whats = [a.what for a in response.context["object_list"]]
    assert whats[:3] == ["Long overdue", "Just overdue", "Due next month"]
    assert "No date" in whats and "Finished" not in whats
    assert "Overdue" in response.content.decode()


def test_open_actions_show_due_dates_as_dates(coordinator_client):
    due = timezone.localdate() + datetime.timedelta(days=12)
    MeetingActionFactory(what="Book the hall", due_on=due)
    page = coordinator_client.get(reverse("events_meetingaction:index")).content.decode()
    assert f"{due:%a %-d %b %Y}" in page
    assert "Just now" not in page
