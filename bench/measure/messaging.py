"""A group message to every champion through real Celery workers, to an SMTP sink and a fake
GOV.UK Notify (1% random HTTP 500s): messages per second from enqueue to the last delivery,
and every recipient exactly once. Then the drill: the same with the broker (a redis-server of
the benchmark's own) stopped for 30 s and one worker killed with SIGKILL mid-run."""

import contextlib
import datetime
import os
import signal
import time
import uuid
from pathlib import Path

from django.db.models import Count
from django.utils import timezone

from accounts.choices import Channel, OutboxStatus
from accounts.models import OutboxMessage
from accounts.tasks.outbox import sweep_outbox
from bench.generate.names import WORDING_VERSION
from champions.choices import ConsentKind
from champions.models import Champion, Consent, GroupMessage
from champions.selectors.messages import group_message_audience
from champions.services.messages import group_message_send
from config.celery import app

from . import say
from .processes import bench_env, python_module
from .reminders import _wait_started
from .sinks import NOTIFY_TEMPLATE_ID, FakeNotify, RedisServer, SmtpSink

SETTINGS = {  # the workers' outbox settings in the benchmark (production: 30 s and 900 s)
    "OUTBOX_RETRY_BASE_SECONDS": "1",
    "OUTBOX_SENDING_TIMEOUT": "60",
}
SWEEP_EVERY = 60  # seconds, as beat sends accounts.tasks.sweep_outbox
PENDING = (OutboxStatus.QUEUED, OutboxStatus.SENDING)


def run_messaging(log_dir: Path, *, outage: int = 30, timeout: int = 1800) -> dict:
    """Both runs, each with a group message of its own to every champion."""
    prepare_recipients()
    redis = RedisServer()
    redis.start()
    try:
        with _broker(redis.url):
            say("Group message through two Celery workers ...")
            plain = measure_group_message(redis, log_dir, timeout=timeout)
            _say(plain)
            say(f"Group message again, broker stopped for {outage} s and a worker killed ...")
            drill = measure_group_message(redis, log_dir, timeout=timeout, outage=outage)
            _say(drill)
    finally:
        redis.stop()
    return {"plain": plain, "drill": drill, "settings": SETTINGS, "sweep_every_s": SWEEP_EVERY}


def prepare_recipients() -> None:
    """One champion in three prefers a text and has consented to texts (the generated
    programme has e-mail consent only); safe to run twice."""
    ids = list(Champion.objects.order_by("pk").values_list("pk", flat=True))[::3]
    Champion.objects.filter(pk__in=ids).update(preferred_channel=Channel.SMS)
    text = ConsentKind.CONTACT_TEXT
    held = set(Consent.objects.filter(kind=text).values_list("champion_id", flat=True))
    given = timezone.now() - datetime.timedelta(days=200)
    Consent.objects.bulk_create(
        [
            Consent(champion_id=pk, kind=text, given_at=given, wording_version=WORDING_VERSION)
            for pk in ids
            if pk not in held
        ],
        batch_size=2000,
    )


@contextlib.contextmanager
def _broker(url: str):
    """This process sends its tasks to the benchmark's own redis-server."""
    previous, before = app.conf.broker_url, os.environ.get("CELERY_BROKER_URL")
    # Celery reads CELERY_BROKER_URL from the environment before its settings.
    os.environ["CELERY_BROKER_URL"] = app.conf.broker_url = url
    app._pool = app.amqp._producer_pool = None  # no connection pooled for another broker
    try:
        yield
    finally:
        app.conf.broker_url = previous
        os.environ.pop("CELERY_BROKER_URL")
        if before is not None:
            os.environ["CELERY_BROKER_URL"] = before
        app._pool = app.amqp._producer_pool = None


def measure_group_message(redis, log_dir: Path, *, timeout: int, outage: int = 0) -> dict:
    message = GroupMessage.objects.create(
        subject="Saturday's stall",
        body="Hello {first_name}, the stall on Saturday needs two more pairs of hands.",
        channel=GroupMessage.ChannelChoice.PREFERRED,
    )
    audience = group_message_audience(message)
    expected = {
        (r.channel, r.champion.phone if r.channel == Channel.SMS else r.champion.user.email)
        for r in audience
        if r.channel
    }
    smtp, notify = SmtpSink(), FakeNotify()
    env = bench_env(**_worker_env(redis, smtp.start(), notify), **SETTINGS)
    notify.start()
    try:
        with Workers(env, log_dir) as workers:
            drill = Drill(redis, workers, outage) if outage else None
            started = time.perf_counter()
            group_message_send(message=message, by=None)
            events = _wait_delivered(message, len(expected), smtp, notify, drill, timeout)
    finally:
        smtp.stop()
        notify.stop()
    result = _result(message, audience, expected, smtp, notify, started)
    return {**result, **events}


def _worker_env(redis, smtp_port: int, notify: FakeNotify) -> dict[str, str]:
    return {
        "CELERY_BROKER_URL": redis.url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "SMS_BACKEND": "accounts.sms.notify.NotifySmsBackend",
        "NOTIFY_API_KEY": notify.api_key,
        "NOTIFY_SMS_TEMPLATE_ID": NOTIFY_TEMPLATE_ID,
        "NOTIFY_BASE_URL": notify.url,
    }


class Workers(contextlib.ExitStack):
    """Two one-process (solo pool) workers; one can be killed and another started."""

    def __init__(self, env: dict, log_dir: Path):
        super().__init__()
        self.env, self.log_dir, self.procs = env, log_dir, []

    def __enter__(self):
        super().__enter__()
        try:
            names = [self.start() for _ in range(2)]
            for name, proc in zip(names, self.procs, strict=True):
                _wait_started(name, proc, self.log_dir / "celery-messaging.log")
        except BaseException:
            self.close()
            raise
        return self

    def start(self) -> str:
        name = f"messaging-{uuid.uuid4().hex[:8]}@bench"
        args = ["celery", "-A", "config", "worker", "--pool=solo", f"--hostname={name}"]
        args += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "WARNING"]
        log = self.log_dir / "celery-messaging.log"
        self.procs.append(self.enter_context(python_module(args, env=self.env, log_path=log)))
        return name

    def kill_one(self) -> None:
        self.procs[0].send_signal(signal.SIGKILL)
        self.procs[0].wait()


class Drill:
    """Once a third of the recipients have their message: SIGKILL one worker and stop the
    broker; `outage` seconds later start the broker and a worker in the dead one's place."""

    def __init__(self, redis, workers: Workers, outage: int):
        self.redis, self.workers, self.outage = redis, workers, outage
        self.stopped_at = self.restarted_at = None

    def step(self, fraction: float) -> None:
        if self.stopped_at is None and fraction >= 1 / 3:
            self.workers.kill_one()
            self.redis.stop()
            self.stopped_at = time.perf_counter()
        elif self.restarted_at is None and self.stopped_at and self._outage_over():
            self.redis.start()
            self.workers.start()
            self.restarted_at = time.perf_counter()

    def _outage_over(self) -> bool:
        return time.perf_counter() - self.stopped_at >= self.outage


def _wait_delivered(message, expected: int, smtp, notify, drill, timeout: int) -> dict:
    """Until every recipient has a message and no row is left queued or sending; the sweep is
    sent every minute as beat would (it fails, harmlessly, while the broker is down)."""
    begun = time.perf_counter()
    last_sweep = begun
    rows = OutboxMessage.objects.filter(batch=message.outbox_batch)
    sweeps = 0
    while True:
        delivered = len(smtp.seen) + len(notify.seen)
        if drill:
            drill.step(delivered / max(expected, 1))
        settled = delivered >= expected and (not drill or drill.restarted_at)
        settled = settled and not rows.filter(status__in=PENDING).exists()
        if settled and (rows.exists() or not expected):
            break
        now = time.perf_counter()
        if now - begun > timeout:
            raise RuntimeError(f"{delivered:,} of {expected:,} delivered after {timeout} s")
        if now - last_sweep >= SWEEP_EVERY:
            last_sweep = now
            with contextlib.suppress(Exception):  # the broker is down in the drill
                sweep_outbox.delay()
                sweeps += 1
        time.sleep(0.2)
    if not drill:
        return {"sweeps": sweeps}
    last = max(smtp.last or 0, notify.last or 0)
    return {
        "sweeps": sweeps,
        "outage_s": drill.outage,
        "killed_at_s": round(drill.stopped_at - begun, 1),
        # 0 when the workers had sent everything before the broker came back.
        "drain_s": round(max(last - drill.restarted_at, 0.0), 1),
    }


def _result(message, audience, expected: set, smtp, notify, started: float) -> dict:
    got = {("email", a): n for a, n in smtp.seen.items()}
    got |= {("sms", a): n for a, n in notify.seen.items()}
    last = max(smtp.last or 0, notify.last or 0)
    rows = OutboxMessage.objects.filter(batch=message.outbox_batch)
    statuses = dict(rows.values_list("status").annotate(n=Count("pk")).order_by("status"))
    seconds = last - started if last else 0.0
    sent = sum(got.values())
    return {
        "champions": len(audience),
        "expected": len(expected),
        "email": sum(1 for channel, _ in expected if channel == Channel.EMAIL),
        "sms": sum(1 for channel, _ in expected if channel == Channel.SMS),
        "sent": sent,
        "duplicates": sum(n - 1 for n in got.values() if n > 1),
        "missing": len(expected - got.keys()),
        "unexpected": len(got.keys() - expected),
        "notify_500s": notify.failures,
        "retried": rows.filter(status=OutboxStatus.SENT, attempts__gt=1).count(),
        "statuses": statuses,
        "seconds": round(seconds, 2),
        "per_second": round(sent / seconds, 1) if seconds else 0.0,
    }


def _say(r: dict) -> None:
    say(
        f"  {r['sent']:,} delivered ({r['email']:,} e-mails, {r['sms']:,} texts) in "
        f"{r['seconds']:.1f} s: {r['per_second']:,.0f}/s; duplicates {r['duplicates']}, "
        f"missing {r['missing']}, {r['notify_500s']} Notify 500s, {r['retried']} retried"
    )
