import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.html import parse_html
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.choices import TrainingStatus
from champions.models import TrainingRecord
from events.choices import AttendeeRole, EventKind, EventStatus
from events.models import EventsSettings, Registration, WalkIn
from events.selectors.attendance import meeting_quorum
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    ChampionFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)
from tests.factories.events import (
    EventFactory,
    MeetingRecordFactory,
    RegistrationFactory,
    WalkInFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def _past_event(**kwargs):
    starts = timezone.now() - datetime.timedelta(hours=3)
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)


def _register_url(event):
    return reverse("events_event:register", args=[event.pk])


def _register_post(event, marks, walk_ins=(), **extra):
    data = {f"reg-{pk}": mark for pk, mark in marks.items()}
    rows = list(walk_ins) + [{"role": "", "name": "", "organisation": ""}] * (5 - len(walk_ins))
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"walkin-{i}-{key}"] = value
    data.update(
        {
            "walkin-TOTAL_FORMS": str(len(rows)),
            "walkin-INITIAL_FORMS": "0",
            "walkin-MIN_NUM_FORMS": "0",
            "walkin-MAX_NUM_FORMS": "200",
            "families_reached": "",
            "children_reached": "",
        }
    )
    data.update(extra)
    return data


def _save_register(client, event, size):
    registrations = RegistrationFactory.create_batch(size, event=event)
    marks = {r.pk: "present" if i % 3 else "absent" for i, r in enumerate(registrations)}
    data = _register_post(
        event,
        marks,
        walk_ins=[{"role": AttendeeRole.PARTNER, "name": "", "organisation": "Health visiting"}],
        families_reached="12",
        children_reached="20",
    )
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(_register_url(event), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return len(ctx.captured_queries), registrations


def test_register_saves_200_rows_in_the_same_number_of_queries_as_20(coordinator_client):
    _save_register(coordinator_client, _past_event(), 2)  # fills per-process caches
    small_queries, _ = _save_register(coordinator_client, _past_event(), 20)
    big_event = _past_event()
    big_queries, _ = _save_register(coordinator_client, big_event, 200)
    assert big_queries == small_queries
    present = Registration.objects.filter(event=big_event, attended=True).count()
    absent = Registration.objects.filter(event=big_event, attended=False).count()
    assert (present, absent) == (133, 67)
    big_event.refresh_from_db()
    assert (big_event.families_reached, big_event.children_reached) == (12, 20)
    assert big_event.status == EventStatus.COMPLETED
    assert big_event.walk_ins.get().organisation == "Health visiting"
    entry = ModelLogEntry.objects.get(
        object_id=str(big_event.pk), action="events.event.record_attendance"
    )
    assert entry.data["present"] == 133


def test_register_page_renders_in_the_same_number_of_queries_for_20_and_200(coordinator_client):
    def count(size):
        event = _past_event(kind=EventKind.CO_PRODUCTION)
        RegistrationFactory.create_batch(size, event=event)
        with CaptureQueriesContext(connection) as ctx:
            response = coordinator_client.get(_register_url(event))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    count(2)  # fills per-process caches
    assert count(20) == count(200)


def test_training_session_attendance_creates_attended_training_records(coordinator_client):
    module = TrainingModuleFactory()
    event = _past_event(kind=EventKind.TRAINING, training_module=module)
    new, enrolled, completed, absent = (
        RegistrationFactory(event=event, champion=ChampionFactory()) for _ in range(4)
    )
    TrainingRecordFactory(
        champion=enrolled.champion, module=module, status="enrolled", completed_on=None
    )
    TrainingRecordFactory(champion=completed.champion, module=module)
    marks = {new.pk: "present", enrolled.pk: "present", completed.pk: "present"}
    marks[absent.pk] = "absent"
    response = coordinator_client.post(_register_url(event), _register_post(event, marks))
    assert response.status_code == 302
    statuses = dict(
        TrainingRecord.objects.filter(module=module).values_list("champion_id", "status")
    )
    assert statuses == {
        new.champion_id: TrainingStatus.ATTENDED,
        enrolled.champion_id: TrainingStatus.ATTENDED,
        completed.champion_id: TrainingStatus.COMPLETED,
    }


def test_present_then_absent_undoes_the_training_record_the_mark_made(coordinator_client):
    module = TrainingModuleFactory()
    event = _past_event(kind=EventKind.TRAINING, training_module=module)
    new, enrolled, completed, kept = (
        RegistrationFactory(event=event, champion=ChampionFactory()) for _ in range(4)
    )
    TrainingRecordFactory(
        champion=enrolled.champion, module=module, status="enrolled", completed_on=None
    )
    TrainingRecordFactory(champion=completed.champion, module=module)
    everyone = {r.pk: "present" for r in (new, enrolled, completed, kept)}
    coordinator_client.post(_register_url(event), _register_post(event, everyone))
    # A mistake: three of them were not there after all; the fourth stays present.
    marks = {new.pk: "absent", enrolled.pk: "", completed.pk: "absent", kept.pk: "present"}
    response = coordinator_client.post(_register_url(event), _register_post(event, marks))
    assert response.status_code == 302
    statuses = dict(
        TrainingRecord.objects.filter(module=module).values_list("champion_id", "status")
    )
    assert statuses == {
        enrolled.champion_id: TrainingStatus.ENROLLED,  # back to what it was
        completed.champion_id: TrainingStatus.COMPLETED,  # the mark never changed it
        kept.champion_id: TrainingStatus.ATTENDED,
    }  # and the record the first mark created for `new` is gone
    coordinator_client.post(_register_url(event), _register_post(event, {new.pk: "present"}))
    assert TrainingRecord.objects.get(champion=new.champion).status == TrainingStatus.ATTENDED


def test_unmarking_keeps_a_record_completed_since_the_session(coordinator_client):
    module = TrainingModuleFactory()
    event = _past_event(kind=EventKind.TRAINING, training_module=module)
    registration = RegistrationFactory(event=event)
    present = {registration.pk: "present"}
    coordinator_client.post(_register_url(event), _register_post(event, present))
    record = TrainingRecord.objects.get(champion=registration.champion)
    record.status, record.completed_on = TrainingStatus.COMPLETED, timezone.localdate()
    record.save()
    absent = {registration.pk: "absent"}
    coordinator_client.post(_register_url(event), _register_post(event, absent))
    assert TrainingRecord.objects.get(pk=record.pk).status == TrainingStatus.COMPLETED


def test_register_removes_walk_ins_and_keeps_input_on_error(coordinator_client):
    event = _past_event()
    walk_in = WalkInFactory(event=event)
    registration = RegistrationFactory(event=event)
    data = _register_post(
        event,
        {registration.pk: "present"},
        walk_ins=[{"role": "", "name": "Sam", "organisation": "Council"}],
        remove_walk_ins=[str(walk_in.pk)],
        families_reached="-3",
    )
    response = coordinator_client.post(_register_url(event), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose the walk-in&#x27;s role." in html
    assert 'value="Council"' in html
    assert WalkIn.objects.filter(pk=walk_in.pk).exists()
    registration.refresh_from_db()
    assert registration.attended is None

    data.update({"walkin-0-role": AttendeeRole.DECISION_MAKER, "families_reached": "3"})
    assert coordinator_client.post(_register_url(event), data).status_code == 302
    assert list(event.walk_ins.values_list("organisation", "role")) == [
        ("Council", AttendeeRole.DECISION_MAKER)
    ]


def test_register_marks_each_booking_with_the_same_inputs_django_would_draw(coordinator_client):
    """The register writes its radio inputs itself (for speed): the same names, ids, values and
    checked state as the form field's own widget, on first view and when a post is refused."""
    event = _past_event()
    present, absent, unmarked = (
        RegistrationFactory(event=event, attended=attended) for attended in (True, False, None)
    )
    html = coordinator_client.get(_register_url(event)).content.decode()
    for registration, checked in ((present, 1), (absent, 2), (unmarked, 0)):
        name = f"reg-{registration.pk}"
        for index, value in enumerate(["", "present", "absent"]):
            tick = " checked" if index == checked else ""
            assert (
                f'<label for="id_{name}_{index}" style="display:inline-block;margin-right:1.5em">'
                f'<input type="radio" name="{name}" value="{value}" id="id_{name}_{index}"{tick}>'
            ) in html

    data = _register_post(event, {unmarked.pk: "absent"}, families_reached="-3")
    html = coordinator_client.post(_register_url(event), data).content.decode()
    name = f"reg-{unmarked.pk}"
    assert f'value="absent" id="id_{name}_2" checked>' in html
    assert f'value="" id="id_{name}_0">' in html


def test_register_refuses_a_future_event_with_a_message(coordinator_client):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    response = coordinator_client.post(
        _register_url(event), _register_post(event, {registration.pk: "present"}), follow=True
    )
    assert "once the event has started" in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended is None


def test_viewer_can_read_the_register_but_not_save_it(client):
    client.force_login(ViewerFactory())
    event = _past_event()
    registration = RegistrationFactory(event=event)
    response = client.get(_register_url(event))
    assert response.status_code == 200
    assert "You can view this register but not change it." in response.content.decode()
    response = client.post(
        _register_url(event), _register_post(event, {registration.pk: "present"})
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.attended is None


def test_quorum_counts_present_champions_and_parent_walk_ins():
    event = _past_event(kind=EventKind.CO_PRODUCTION)
    RegistrationFactory(event=event, attended=True)
    RegistrationFactory(event=event, attended=False)
    WalkInFactory(event=event, role=AttendeeRole.DECISION_MAKER)
    quorum = meeting_quorum(event)
    assert (quorum.parents_present, quorum.is_quorate) == (1, False)
    assert str(quorum) == "Not quorate: 1 parents present (2 needed)."
    WalkInFactory(event=event, role=AttendeeRole.PARENT)
    assert meeting_quorum(event).is_quorate


def test_quorum_follows_the_setting(db):
    EventsSettings.objects.create(meeting_quorum_parents=3)
    event = _past_event(kind=EventKind.CO_PRODUCTION)
    RegistrationFactory.create_batch(2, event=event, attended=True)
    assert not meeting_quorum(event).is_quorate


def test_register_and_record_say_whether_the_meeting_was_quorate(coordinator_client):
    event = _past_event(kind=EventKind.CO_PRODUCTION)
    RegistrationFactory.create_batch(2, event=event, attended=True)
    html = coordinator_client.get(_register_url(event)).content.decode()
    assert "Quorate: 2 parents present (2 needed)." in html
    record = MeetingRecordFactory(event=event)
    html = coordinator_client.get(reverse("events_meetingrecord:edit", args=[record.pk])).content
    assert "Quorate: 2 parents present (2 needed)." in html.decode()
    listing = coordinator_client.get(reverse("events_meetingrecord:index")).content.decode()
    assert "Quorate: 2 parents present" in listing


# The register's rows as a template loop over the radio widget's own options drew them before
# the form wrote them itself: the markup must stay the same (names escaped, errors shown).
REFERENCE_ROWS = Template(
    "{% for registration, field in rows %}"
    '<tr><th scope="row" id="champion-{{ field.html_name }}">'
    "{{ registration.champion.display_name }}</th><td>"
    '<fieldset aria-labelledby="champion-{{ field.html_name }}">'
    "{% for radio in field %}"
    '<label for="{{ radio.id_for_label }}" style="display:inline-block;margin-right:1.5em">'
    '<input type="radio" name="{{ radio.data.name }}" value="{{ radio.data.value }}" '
    'id="{{ radio.id_for_label }}"{% if radio.data.selected %} checked{% endif %}> '
    "{{ radio.choice_label }}</label>"
    "{% endfor %}</fieldset>{{ field.errors }}</td></tr>"
    "{% endfor %}"
)


def _reference_rows(response) -> str:
    form = response.context["form"]
    rows = [(r, form[form.field_name(r)]) for r in form.registrations]
    return REFERENCE_ROWS.render(Context({"rows": rows}))


def test_register_rows_are_the_markup_of_the_template_loop_they_replace(coordinator_client):
    event = _past_event()
    odd = ChampionFactory(
        user__first_name="Siobhán", user__last_name="O'Brien & <Sons>", preferred_name="Shiv"
    )
    rows = [
        RegistrationFactory(event=event, champion=odd, attended=True),
        RegistrationFactory(event=event, attended=False),
        RegistrationFactory(event=event),
    ]
    response = coordinator_client.get(_register_url(event))
    page = parse_html(response.content.decode())
    reference = _reference_rows(response)
    assert "Siobhán O&#x27;Brien &amp; &lt;Sons&gt; (Shiv)</th>" in reference
    assert page.count(parse_html(reference)) == 1

    data = _register_post(event, {rows[0].pk: "maybe", rows[1].pk: "present"})
    response = coordinator_client.post(_register_url(event), data)
    assert response.status_code == 200
    reference = _reference_rows(response)
    assert "maybe is not one of the available choices" in reference
    assert parse_html(response.content.decode()).count(parse_html(reference)) == 1


def test_register_queries_are_the_same_for_5_and_50_bookings(coordinator_client):
    def count(size):
        event = _past_event()
        registrations = RegistrationFactory.create_batch(size, event=event)
        with CaptureQueriesContext(connection) as page:
            assert coordinator_client.get(_register_url(event)).status_code == 200
        data = _register_post(event, {r.pk: "present" for r in registrations})
        with CaptureQueriesContext(connection) as save:
            assert coordinator_client.post(_register_url(event), data).status_code == 302
        return len(page), len(save)

    count(2)  # fills per-process caches
    assert count(5) == count(50)
