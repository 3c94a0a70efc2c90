"""A champion logs, views, changes and withdraws their own activities."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from champions.choices import ActivityStatus, Stage
from champions.models import ActivityLog
from events.models import Event, Registration
from tests.champions.clock import ENTRY_TODAY as TODAY
from tests.champions.clock import LONDON
from tests.factories.champions import ActivityLogFactory, ExpenseClaimFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

CREATE = reverse("activity:create")


def form_data(**overrides):
    data = {
        "date": "2026-03-17",
        "kind": "peer_support",
        "hours": "1.5",
        "description": "Coffee morning at the children's centre",
        "protective_factors": ["connections", "resilience"],
        "people_reached": "6",
        "event": "",
    }
    data.update(overrides)
    return data


def make_event(**kwargs):
    start = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=LONDON)
    defaults = {
        "title": "Stay and play consultation",
        "kind": "engagement",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2, minutes=30),
    }
    return Event.objects.create(**{**defaults, **kwargs})


def test_dashboard_links_to_log_an_activity_in_one_tap(champion_client, champion):
    champion.stage = Stage.ACTIVE  # logging applies from training on, not to enquirers
    champion.save()
    response = champion_client.get(reverse("champions:dashboard"))
    assert response.status_code == 200
    assert f'href="{CREATE}"' in response.content.decode()


def test_log_an_activity_saves_it_waiting_for_review_and_offers_an_expense(
    champion_client, champion
):
    response = champion_client.post(CREATE, form_data(), follow=True)
    log = ActivityLog.objects.get()
    assert log.champion == champion
    assert log.status == ActivityStatus.SUBMITTED
    assert log.hours == Decimal("1.5")
    codes = log.protective_factors.values_list("code", flat=True)
    assert sorted(codes) == ["connections", "resilience"]
    assert log.people_reached == 6
    page = response.content.decode()
    assert "Thank you. Your activity is logged and waiting for review." in page
    assert f"{reverse('activity:expense_create')}?activity={log.pk}" in page


def test_form_opened_from_a_booked_event_is_filled_in(champion_client, champion):
    event = make_event()
    Registration.objects.create(event=event, champion=champion)
    response = champion_client.get(f"{CREATE}?event={event.pk}")
    form = response.context["form"]
    assert form.initial["date"] == datetime.date(2026, 3, 10)
    assert form.initial["kind"] == "engagement"
    assert form.initial["hours"] == Decimal("2.5")
    assert form.initial["event"] == event.pk
    assert f'<option value="{event.pk}" selected>' in response.content.decode()


def test_form_from_an_event_the_champion_was_not_booked_on_is_404(champion_client):
    event = make_event()
    assert champion_client.get(f"{CREATE}?event={event.pk}").status_code == 404
    assert champion_client.get(f"{CREATE}?event=abc").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"hours": "0"},
            "hours",
            "Enter the time you spent: at least a quarter of an hour (0.25).",
        ),
        (
            {"hours": "12.25"},
            "hours",
            "One entry can be at most 12 hours. Log a longer activity as one entry for each day.",
        ),
        (
            {"hours": "1.1"},
            "hours",
            "Enter hours in quarter hours, for example 0.75 for 45 minutes or 1.5 for an hour "
            "and a half.",
        ),
        ({"date": "2026-03-19"}, "date", "The date cannot be in the future."),
        (
            {"date": "2025-12-17"},
            "date",
            "You can log activities from the last 90 days. For anything older, ask your "
            "coordinator.",
        ),
        ({"hours": ""}, "hours", "Enter how many hours it took."),
        ({"kind": ""}, "kind", "Choose the type of activity."),
        ({"description": ""}, "description", "Say briefly what you did."),
        ({"date": "not a date"}, "date", "Enter a valid date."),
    ],
)
def test_each_rule_refuses_with_a_clear_message_and_keeps_the_input(
    champion_client, overrides, field, message
):
    data = form_data(**overrides)
    response = champion_client.post(CREATE, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field] == [message]
    page = response.content.decode()
    assert form["hours"].value() == data["hours"]
    assert form["description"].value() == data["description"]
    if data["description"]:
        assert "Coffee morning at the children&#x27;s centre</textarea>" in page
    assert re.search(r'value="connections"[^>]*checked', page)
    assert re.search(r'name="people_reached" value="6"', page)
    assert not ActivityLog.objects.exists()


def test_the_ninety_day_boundary_is_inclusive(champion_client):
    response = champion_client.post(CREATE, form_data(date="2025-12-18"))
    assert response.status_code == 302
    assert ActivityLog.objects.get().date == datetime.date(2025, 12, 18)


def test_more_than_sixteen_hours_on_one_day_is_refused(champion_client, champion):
    ActivityLogFactory(champion=champion, date=TODAY, hours=Decimal("12"))
    ActivityLogFactory(champion=champion, date=TODAY, hours=Decimal("3"))
    response = champion_client.post(CREATE, form_data(date="2026-03-18", hours="1.25"))
    assert response.context["form"].errors["hours"] == [
        "You have already logged 15 hours on 18 March 2026. No more than 16 hours can be "
        "logged for one day."
    ]
    assert champion_client.post(CREATE, form_data(date="2026-03-18", hours="1")).status_code == 302


def test_rejected_hours_do_not_count_towards_the_daily_limit(champion_client, champion):
    ActivityLogFactory(
        champion=champion, date=TODAY, hours=Decimal("12"), status=ActivityStatus.REJECTED
    )
    response = champion_client.post(CREATE, form_data(date="2026-03-18", hours="10"))
    assert response.status_code == 302


def test_the_daily_limit_applies_to_edits_too(champion_client, champion):
    ActivityLogFactory(champion=champion, date=TODAY, hours=Decimal("12"))
    log = ActivityLogFactory(champion=champion, date=TODAY, hours=Decimal("2"))
    response = champion_client.post(
        reverse("activity:edit", args=[log.pk]), form_data(date="2026-03-18", hours="4.5")
    )
    assert "No more than 16 hours can be logged for one day." in response.content.decode()
    log.refresh_from_db()
    assert log.hours == Decimal("2")


def test_my_activity_shows_approved_totals_for_month_quarter_and_all_time(
    champion_client, champion
):
    approved = ActivityStatus.APPROVED
    ActivityLogFactory(champion=champion, date=TODAY, hours=Decimal("2.5"), status=approved)
    ActivityLogFactory(champion=champion, date=datetime.date(2026, 2, 3), hours=3, status=approved)
    ActivityLogFactory(champion=champion, date=datetime.date(2025, 11, 3), hours=4, status=approved)
    ActivityLogFactory(champion=champion, date=TODAY, hours=Decimal("5"))  # not yet approved
    ActivityLogFactory(champion=champion, date=TODAY, status=ActivityStatus.REJECTED)
    ActivityLogFactory(date=TODAY, hours=7, status=approved)  # someone else's
    response = champion_client.get(reverse("activity:list"))
    assert response.context["totals"] == {
        "month": Decimal("2.5"),
        "quarter": Decimal("5.5"),
        "year": Decimal("5.5"),
        "all_time": Decimal("9.5"),
    }
    assert len(response.context["page"].object_list) == 5


def test_my_activity_filters_by_month(champion_client, champion):
    march = ActivityLogFactory(champion=champion, date=TODAY)
    ActivityLogFactory(champion=champion, date=datetime.date(2026, 2, 3))
    response = champion_client.get(reverse("activity:list"), {"month": "2026-03"})
    assert list(response.context["page"].object_list) == [march]
    assert response.context["months"] == [datetime.date(2026, 3, 1), datetime.date(2026, 2, 1)]
    assert champion_client.get(reverse("activity:list"), {"month": "junk"}).status_code == 200


def test_a_queried_entry_shows_the_question_and_is_answered_by_editing_it(
    champion_client, champion
):
    log = ActivityLogFactory(
        champion=champion,
        status=ActivityStatus.QUERIED,
        staff_message="Was this the Tuesday or the Wednesday session?",
    )
    page = champion_client.get(reverse("activity:list")).content.decode()
    assert "Was this the Tuesday or the Wednesday session?" in page
    edit = reverse("activity:edit", args=[log.pk])
    response = champion_client.post(edit, form_data(champion_reply=""))
    assert response.context["form"].errors["champion_reply"] == ["This field is required."]
    response = champion_client.post(edit, form_data(champion_reply="The Tuesday one, sorry."))
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.status == ActivityStatus.SUBMITTED
    assert log.champion_reply == "The Tuesday one, sorry."


def test_an_entry_can_be_edited_and_withdrawn_until_it_is_reviewed(champion_client, champion):
    log = ActivityLogFactory(champion=champion)
    response = champion_client.post(
        reverse("activity:edit", args=[log.pk]), form_data(hours="3", protective_factors=[])
    )
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.hours == 3
    assert not log.protective_factors.exists()
    assert champion_client.post(reverse("activity:withdraw", args=[log.pk])).status_code == 302
    assert not ActivityLog.objects.filter(pk=log.pk).exists()


@pytest.mark.parametrize("status", [ActivityStatus.APPROVED, ActivityStatus.REJECTED])
def test_a_reviewed_entry_cannot_be_edited_or_withdrawn(champion_client, champion, status):
    log = ActivityLogFactory(champion=champion, status=status, hours=2)
    response = champion_client.post(reverse("activity:edit", args=[log.pk]), form_data(hours="5"))
    assert response.status_code == 302
    champion_client.post(reverse("activity:withdraw", args=[log.pk]))
    log.refresh_from_db()
    assert log.hours == 2
    page = champion_client.get(reverse("activity:detail", args=[log.pk])).content.decode()
    assert reverse("activity:edit", args=[log.pk]) not in page


def test_a_user_without_a_champion_profile_gets_404(client):
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("activity:list")).status_code == 404
    assert client.get(CREATE).status_code == 404


def test_the_type_buttons_offer_no_blank_choice(champion_client):
    page = champion_client.get(CREATE).content.decode()
    assert 'name="kind" value=""' not in page
    assert 'name="kind" value="peer_support"' in page


@pytest.mark.parametrize("name", ["activity:list", "activity:expenses"])
def test_my_activity_and_expenses_have_no_link_without_an_address(champion_client, champion, name):
    ActivityLogFactory.create_batch(2, champion=champion)
    ExpenseClaimFactory.create_batch(2, champion=champion)
    html = champion_client.get(reverse(name)).content.decode()
    assert re.findall(r"<link\b[^>]*>", html)
    for tag in re.findall(r"<link\b[^>]*>", html):
        assert re.search(r'href="[^"]+"', tag), tag
