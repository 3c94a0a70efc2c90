"""The messaging benchmark's parts that need no worker: its table and targets, and the fake
GOV.UK Notify and SMTP sink it counts deliveries with (driven by the site's own backends)."""

import copy

import pytest
from django.core.mail import EmailMessage, get_connection

from accounts import sms
from bench.measure.report import print_results
from bench.measure.sinks import NOTIFY_TEMPLATE_ID, FakeNotify, SmtpSink

from .test_measure import RESULTS, _rows

RUN = {
    "champions": 10_000,
    "expected": 9_000,
    "email": 6_000,
    "sms": 3_000,
    "sent": 9_000,
    "seconds": 40.0,
    "per_second": 225.0,
    "duplicates": 0,
    "missing": 0,
    "unexpected": 0,
    "notify_500s": 31,
    "retried": 31,
    "statuses": {"sent": 9_000},
    "sweeps": 0,
}
DRILL = RUN | {"seconds": 400.0, "per_second": 22.5, "outage_s": 30, "killed_at_s": 12.4}
MESSAGING = {"plain": RUN, "drill": DRILL | {"drain_s": 321.5, "sweeps": 6}}


@pytest.fixture
def report(capsys):
    def rows(messaging):
        print_results(copy.deepcopy(RESULTS) | {"messaging": copy.deepcopy(messaging)})
        return _rows(capsys.readouterr().out)[-3:]

    return rows


def test_the_table_judges_the_plain_run_by_speed_and_the_drill_by_exactly_once(report):
    assert report(MESSAGING) == [
        "| run | champions | recipients | e-mails | texts | delivered | seconds | per second "
        "| duplicates | missing | Notify 500s | retried | met |",
        "| plain | 10,000 | 9,000 | 6,000 | 3,000 | 9,000 | 40.0 | 225 | 0 | 0 | 31 | 31 | yes |",
        "| drill: broker down 30 s, a worker killed at 12 s; drained 322 s after the broker "
        "was back | 10,000 | 9,000 | 6,000 | 3,000 | 9,000 | 400 | 22.5 | 0 | 0 | 31 | 31 | yes |",
    ]


@pytest.mark.parametrize(
    ("run", "change"),
    [
        ("plain", {"per_second": 199.0}),
        ("plain", {"duplicates": 1, "sent": 9_001}),
        ("drill", {"missing": 1, "sent": 8_999}),
        ("drill", {"unexpected": 1}),
    ],
)
def test_a_slow_plain_run_or_any_copy_lost_or_doubled_misses(report, run, change):
    messaging = copy.deepcopy(MESSAGING)
    messaging[run].update(change)
    plain, drill = report(messaging)[1:]
    assert (plain if run == "plain" else drill).endswith("| **no** |")
    assert (drill if run == "plain" else plain).endswith("| yes |")


def test_not_measured_says_so(capsys):
    print_results(copy.deepcopy(RESULTS))
    out = capsys.readouterr().out
    assert out.split("### Group message")[1].count("Not measured in this run.") == 1


@pytest.fixture
def notify(settings):
    fake = FakeNotify(failure_rate=0.5, seed=3)
    fake.start()
    settings.SMS_BACKEND = "accounts.sms.notify.NotifySmsBackend"
    settings.NOTIFY_API_KEY = fake.api_key
    settings.NOTIFY_SMS_TEMPLATE_ID = NOTIFY_TEMPLATE_ID
    settings.NOTIFY_BASE_URL = fake.url
    yield fake
    fake.stop()


def test_the_fake_notify_answers_the_real_client_and_fails_some_with_500(notify):
    backend, answers = sms.get_backend(), []
    for i in range(20):
        try:
            answers.append(backend.send(to=f"+4477009{i:05d}", body="Hi", reference=f"r{i}"))
        except sms.SendFailure as failure:
            assert not failure.permanent and failure.reason == "Notify 500: Internal error"
            answers.append(None)
    delivered = [a for a in answers if a]
    assert notify.failures == answers.count(None) and 0 < notify.failures < 20
    assert notify.count == len(delivered) == len(set(delivered))  # 201s only, each an id
    assert set(notify.seen) == {f"+4477009{i:05d}" for i, a in enumerate(answers) if a}


def test_the_smtp_sink_counts_each_recipient():
    sink = SmtpSink()
    port = sink.start()
    try:
        backend = "django.core.mail.backends.smtp.EmailBackend"
        with get_connection(backend, host="127.0.0.1", port=port) as connection:
            for to in ["a@example.org", "b@example.org", "a@example.org"]:
                EmailMessage("Hi", "Hello", "from@example.org", [to], connection=connection).send()
    finally:
        sink.stop()
    assert sink.seen == {"a@example.org": 2, "b@example.org": 1} and sink.count == 3
