import contextlib
import datetime
from email.header import decode_header, make_header

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from accounts.models import OutboxMessage
from champions import tasks
from champions.choices import CheckKind, ConsentKind, Stage
from champions.services.consents import consent_give, consent_withdraw
from champions.services.reminders import renewal_reminders_send
from tests.factories.champions import (
    ChampionFactory,
    ConsentFactory,
    OnboardingCheckFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)

pytestmark = pytest.mark.django_db


START = datetime.date(2026, 6, 1)


@contextlib.contextmanager
def on(day):
    """Freeze the clock at 9am (London) on `day`, when the daily reminder job runs; e-mails
    queued in the outbox are delivered when the job's transaction commits, as in production."""
    moment = datetime.datetime.combine(day, datetime.time(9, 0))
    with time_machine.travel(moment, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        yield


def reminders_recorded():
    return OutboxMessage.objects.filter(key__startswith="champions.renewal.")


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def champion_with_dbs_due(due_on, *, email="dbs@example.org", consent=True, stage=Stage.ACTIVE):
    champion = ChampionFactory(user__email=email, stage=stage)
    OnboardingCheckFactory(
        champion=champion,
        kind=CheckKind.DBS,
        completed_on=due_on - relativedelta(years=3),
        renewal_due_on=due_on,
    )
    if consent:
        ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    return champion


def test_renewal_reminders_go_once_at_30_and_once_at_7_days(smtp_server):
    due = START + datetime.timedelta(days=30)
    champion_with_dbs_due(due)
    sent_per_day = []
    for offset in range(0, 31):
        with on(START + datetime.timedelta(days=offset)):
            sent_per_day.append(tasks.reminders.send_renewal_reminders.delay().get())
            # A second run the same day sends nothing.
            tasks.reminders.send_renewal_reminders.delay()
    assert sent_per_day[0] == 1 and sent_per_day[23] == 1  # 30 days and 7 days before
    assert sum(sent_per_day) == 2
    messages = smtp_server.to("dbs@example.org")
    assert len(messages) == 2
    assert all("DBS check needs renewing by 1 July 2026" in subject(m) for m in messages)
    assert "30 days or less" in smtp_server.body(messages[0])
    assert "7 days or less" in smtp_server.body(messages[1])
    assert reminders_recorded().filter(status="sent").count() == 2


def test_training_expiry_reminder_names_the_module(smtp_server):
    module = TrainingModuleFactory(title="Safeguarding", validity_months=24)
    champion = ChampionFactory(user__email="train@example.org", active=True)
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    TrainingRecordFactory(
        champion=champion, module=module, completed_on=START + relativedelta(days=7, months=-24)
    )
    with on(START):
        assert tasks.reminders.send_renewal_reminders.delay().get() == 1
        assert tasks.reminders.send_renewal_reminders.delay().get() == 0
    [message] = smtp_server.to("train@example.org")
    assert "“Safeguarding” training expires on 8 June 2026" in subject(message)
    assert "book a refresher" in smtp_server.body(message)
    assert "http://localhost/dashboard/" in smtp_server.body(message)  # the default Site


def test_a_missed_run_sends_only_the_latest_threshold(smtp_server):
    champion_with_dbs_due(START + datetime.timedelta(days=5))
    with on(START):
        assert tasks.reminders.send_renewal_reminders.delay().get() == 1
    [reminder] = reminders_recorded()
    assert reminder.key.endswith(".7")  # the 7-day threshold


def test_no_reminder_without_contact_consent(smtp_server):
    champion_with_dbs_due(
        START + datetime.timedelta(days=30), email="no@example.org", consent=False
    )
    withdrawn = champion_with_dbs_due(
        START + datetime.timedelta(days=30), email="withdrawn@example.org", consent=False
    )
    consent_give(champion=withdrawn, kind=ConsentKind.CONTACT_EMAIL, wording_version="2026-01")
    consent_withdraw(champion=withdrawn, kind=ConsentKind.CONTACT_EMAIL)
    with on(START):
        assert tasks.reminders.send_renewal_reminders.delay().get() == 0
    assert smtp_server.messages == []
    assert not reminders_recorded().exists()


def test_alumni_get_no_reminders(smtp_server):
    champion_with_dbs_due(START + datetime.timedelta(days=7), stage=Stage.ALUMNI)
    with on(START):
        assert tasks.reminders.send_renewal_reminders.delay().get() == 0
    assert smtp_server.messages == []


def test_a_renewed_check_gets_fresh_reminders(smtp_server):
    champion = champion_with_dbs_due(START + datetime.timedelta(days=7))
    with on(START):
        tasks.reminders.send_renewal_reminders.delay()
    champion.checks.filter(kind=CheckKind.DBS).update(
        renewal_due_on=START + datetime.timedelta(days=30)
    )
    with on(START):
        assert tasks.reminders.send_renewal_reminders.delay().get() == 1
    assert len(smtp_server.to("dbs@example.org")) == 2


def _queries_for_reminders(due_on, champions: int) -> tuple[int, int]:
    for n in range(champions):
        champion_with_dbs_due(due_on, email=f"dbs{due_on:%m%d}.{n}@example.org")
    TrainingRecordFactory(
        champion=champion_with_dbs_due(
            due_on, email=f"none{due_on:%m%d}@example.org", consent=False
        ),
        expires_on=due_on,
    )  # no consent: nothing for either
    today = due_on - datetime.timedelta(days=7)
    with CaptureQueriesContext(connection) as queries:
        queued = renewal_reminders_send(today=today)
    return queued, len(queries)


def test_reminders_are_queued_in_as_many_queries_however_many_are_due(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):  # delivery is not counted
        renewal_reminders_send(today=START)  # the site's address, cached
        few = _queries_for_reminders(START + datetime.timedelta(days=60), champions=1)
        many = _queries_for_reminders(START + datetime.timedelta(days=120), champions=8)
    assert few[0] == 1 and many[0] == 8
    assert few[1] == many[1]
