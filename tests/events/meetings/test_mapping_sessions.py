"""Mapping sessions keep a record like meetings: points heard, each with a theme, the factors it
touches, how many parents raised it and an optional quote."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from champions.choices import ProtectiveFactorCode
from events.choices import EventKind
from events.models import MeetingRecord
from tests.factories.accounts import CoordinatorFactory
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def test_mapping_session_points_are_recorded_with_theme_count_and_quote(client):
    client.force_login(CoordinatorFactory())
    event = EventFactory(kind=EventKind.MAPPING, past=True, title="Mapping: where families go")
    assert event.keeps_meeting_record
    data = nested_form_data(
        {
            "event": event.pk,
            "agenda": "",
            "notes": "",
            "parent_voice_items": inline_formset(
                [
                    {
                        "text": "Nowhere to change a nappy in the town centre",
                        "theme": "Baby changing",
                        "parents_count": 11,
                        "quote": "I end up going home after half an hour",
                        "ORDER": 1,
                    }
                ]
            ),
            "decisions": inline_formset([]),
            "actions": inline_formset([]),
        }
    )
    data["parent_voice_items-0-protective_factors"] = [ProtectiveFactorCode.CONCRETE_SUPPORT]
    response = client.post(reverse("events_meetingrecord:add"), data)
    assert response.status_code == 302
    point = MeetingRecord.objects.get(event=event).parent_voice_items.get()
    assert (point.theme, point.parents_count, point.quote) == (
        "Baby changing",
        11,
        "I end up going home after half an hour",
    )
    assert point.protective_factor_labels() == ["Concrete support in times of need"]


def test_record_add_is_prefilled_for_a_mapping_session(client):
    client.force_login(CoordinatorFactory())
    event = EventFactory(kind=EventKind.MAPPING, past=True)
    response = client.get(reverse("events_meetingrecord:add"), {"event": event.pk})
    assert f'<option value="{event.pk}" selected>' in response.content.decode()
