"""`make cluster-check`: two app servers, two workers and one beat behave as one site.

Starts, against one PostgreSQL database (pc_cluster), Redis (db 12 broker, db 13 cache) and a
local S3 server (moto), two gunicorn instances (A and B) under production settings, two Celery
workers and one beat, as a load balancer would see them (Host champions.test, HTTPS at the proxy).
Then it drives a journey that alternates between A and B, prints what held, and exits non-zero
on any failure. Every process it started is stopped at the end; the database is dropped unless
--keep is given.
"""

import argparse
import contextlib
import email
import hashlib
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the project's packages, and tests.factories to seed with
BIN = Path(sys.executable).parent
HOST = "champions.test"
ORIGIN = f"https://{HOST}"
DATABASE = os.environ.get("CLUSTER_DATABASE", "pc_cluster")
PG = os.environ.get("CLUSTER_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("CLUSTER_REDIS", "redis://127.0.0.1:6379")
BROKER_DB, CACHE_DB = 12, 13
BUCKETS = ("pc-cluster-media", "pc-cluster-private")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Report:
    """Prints each check as it runs; remembers failures for the exit code."""

    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, what: str, held: bool, detail: str = "") -> bool:
        print(f"  {'ok  ' if held else 'FAIL'}  {what}{f' ({detail})' if detail else ''}")
        if held:
            self.passed += 1
        else:
            self.failures.append(what)
        return held


# Processes
# ------------------------------------------------------------------------------


class Cluster:
    """The services and processes of the check; stop() ends every process start() began."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.processes: dict[str, subprocess.Popen] = {}
        self.ports = {"a": free_port(), "b": free_port(), "s3": free_port(), "smtp": free_port()}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "cluster-check-only-not-a-secret-" + "x" * 32,
            "ALLOWED_HOSTS": HOST,
            "CSRF_TRUSTED_ORIGINS": ORIGIN,
            "WAGTAILADMIN_BASE_URL": ORIGIN,
            "DATABASE_URL": f"{PG}/{DATABASE}",
            "CELERY_BROKER_URL": f"{REDIS}/{BROKER_DB}",
            "REDIS_URL": f"{REDIS}/{CACHE_DB}",
            "AWS_STORAGE_BUCKET_NAME": BUCKETS[0],
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": BUCKETS[1],
            "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
            "AWS_S3_REGION_NAME": "eu-west-2",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.ports['smtp']}",
            "STATIC_ROOT": str(workdir / "static"),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "WEB_CONCURRENCY": "2",
            # The check signs staff in with a password only (no second factor).
            "STAFF_MFA_REQUIRED": "False",
        }
        for name in ("SENTRY_DSN", "DEBUG"):
            self.env.pop(name, None)

    def url(self, instance: str) -> str:
        return f"http://127.0.0.1:{self.ports[instance]}"

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def run(self, *args: str) -> None:
        subprocess.run(args, cwd=ROOT, env=self.env, check=True, stdout=subprocess.DEVNULL)

    def start(self, name: str, *args: str) -> None:
        with self.log(name).open("wb") as out:
            self.processes[name] = subprocess.Popen(
                args, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True
            )

    def start_all(self) -> None:
        self.start("s3", str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["s3"]))
        for instance in ("a", "b"):
            bind = f"127.0.0.1:{self.ports[instance]}"
            # Each instance keeps its own control socket (two on one host would share the default).
            gunicorn = (
                str(BIN / "gunicorn"),
                "-c",
                "config/gunicorn.py",
                "-b",
                bind,
                "--control-socket",
                str(self.workdir / f"{instance}.ctl"),
            )
            self.start(instance, *gunicorn, "config.wsgi")
        for n in (1, 2):
            self.start(f"worker{n}", str(BIN / "celery"), "-A", "config", "worker",
                       "-n", f"worker{n}@cluster", "--concurrency", "1")  # fmt: skip
        schedule = str(self.workdir / "beat-schedule")
        self.start("beat", str(BIN / "celery"), "-A", "config", "beat", "-s", schedule)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def json_lines(self, *names: str) -> list[dict]:
        lines = []
        for name in names:
            for line in self.log(name).read_text(errors="replace").splitlines():
                if line.startswith("{"):
                    with contextlib.suppress(json.JSONDecodeError):
                        lines.append({**json.loads(line), "process": name})
        return lines

    def wait_for(self, what: str, ready, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while not _true(ready):
            dead = [n for n, p in self.processes.items() if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                raise RuntimeError(f"{what}: not ready (stopped: {dead or 'none'})")
            time.sleep(0.5)


class Inbox:
    """An SMTP server on loopback (aiosmtpd) that keeps what the workers send."""

    def __init__(self, port: int):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"

    def subjects(self, prefix: str) -> list[str]:
        with self.lock:
            return [m["Subject"] for m in self.messages if m["Subject"].startswith(prefix)]


# A person's browser behind the load balancer
# ------------------------------------------------------------------------------


class Browser:
    """Cookies kept across both instances, as one browser behind one address would keep them."""

    def __init__(self, cluster: Cluster):
        import requests

        self.requests = requests
        self.cluster = cluster
        self.cookies: dict[str, str] = {}

    def request(self, instance: str, method: str, path: str, **kwargs):
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",  # TLS ends at the load balancer
            "Origin": ORIGIN,
            "Referer": ORIGIN + path,
            **kwargs.pop("headers", {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.requests.request(
            method, self.cluster.url(instance) + path, headers=headers,
            allow_redirects=False, timeout=60, **kwargs,
        )  # fmt: skip
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response

    def get(self, instance: str, path: str, **kwargs):
        return self.request(instance, "GET", path, **kwargs)

    def post(self, instance: str, path: str, data: dict, **kwargs):
        if "csrftoken" not in self.cookies:
            self.get(instance, "/accounts/login/")
        data = {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        return self.request(instance, "POST", path, data=data, **kwargs)

    def sign_in(self, instance: str, email_address: str) -> bool:
        from tests.factories.accounts import PASSWORD

        self.get(instance, "/accounts/login/")
        response = self.post(
            instance, "/accounts/login/", {"login": email_address, "password": PASSWORD}
        )
        return response.status_code == 302 and "sessionid" in self.cookies


# Setting up
# ------------------------------------------------------------------------------


def reset_services(cluster: Cluster) -> None:
    """A new empty database and empty Redis databases of the check's own."""
    import psycopg
    import redis

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    for db in (BROKER_DB, CACHE_DB):
        redis.Redis.from_url(f"{REDIS}/{db}").flushdb()


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def create_buckets(cluster: Cluster) -> None:
    import boto3

    client = boto3.client(
        "s3", endpoint_url=cluster.env["AWS_S3_ENDPOINT_URL"], region_name="eu-west-2",
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )  # fmt: skip
    for bucket in BUCKETS:
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )


def setup_django(cluster: Cluster) -> None:
    """This process uses the cluster's settings too: to seed data and to look inside storage."""
    import logging

    import django

    os.environ.update(cluster.env)
    django.setup()
    logging.getLogger().setLevel(logging.WARNING)


def seed() -> dict:
    """A coordinator (and moderator), a champion who agreed to e-mail, and an event tomorrow."""
    import datetime

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from tests.factories.accounts import CoordinatorFactory
    from tests.factories.champions import ChampionFactory
    from tests.factories.cms import story_index
    from tests.factories.events import EventFactory, RegistrationFactory

    story_index()
    coordinator = CoordinatorFactory(email="coordinator@example.org")
    coordinator.groups.add(Group.objects.get(name="Moderators"))
    champion = ChampionFactory(
        active=True, consenting=True, preferred_name="Kerry", user__email="kerry@example.org"
    )
    event = EventFactory(
        title="Stay and play at the family hub",
        starts_at=timezone.now() + datetime.timedelta(hours=24),
    )
    RegistrationFactory(event=event, champion=champion)
    return {"coordinator": coordinator.email, "champion": champion.user.email, "event": event}


def png(size=(320, 200)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 140, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def unsigned_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# The journey (paths, not URL names: the paths are what stays the same)
# ------------------------------------------------------------------------------


def check_health(cluster: Cluster, report: Report) -> None:
    for instance in ("a", "b"):
        response = Browser(cluster).get(instance, "/health/ready")
        failed = response.json().get("failed") if response.status_code in (200, 503) else "?"
        report.check(f"{instance.upper()} is ready", response.status_code == 200, f"{failed=}")


def check_sign_in(cluster: Cluster, report: Report, people: dict) -> Browser:
    champion = Browser(cluster)
    report.check("the champion signs in on A", champion.sign_in("a", people["champion"]))
    response = champion.get("b", "/dashboard/")
    report.check(
        "... and carries on on B, still signed in",
        response.status_code == 200 and "Kerry" in response.text,
        f"status {response.status_code}",
    )
    return champion


def check_receipt(cluster: Cluster, report: Report, people: dict, champion: Browser):
    from champions.models import ExpenseClaim

    receipt = png()
    claim = {
        "date": time.strftime("%Y-%m-%d"), "category": "childcare", "amount": "18.50",
        "description": "Childminder during the consultation", "activity": "",
    }  # fmt: skip
    response = champion.post(
        "a", "/dashboard/expenses/new/", claim, files={"receipt": ("r.png", receipt, "image/png")}
    )
    found = re.search(r"/dashboard/expenses/(\d+)/$", response.headers.get("Location", ""))
    if not report.check("the champion sends a claim with a receipt on A", bool(found)):
        return None
    pk = int(found.group(1))
    key = ExpenseClaim.objects.get(pk=pk).receipt.name
    endpoint = cluster.env["AWS_S3_ENDPOINT_URL"]
    report.check(
        "the receipt is in the private bucket and its bucket URL is refused without signing",
        unsigned_status(f"{endpoint}/{BUCKETS[1]}/{key}") == 403
        and ExpenseClaim.objects.get(pk=pk).receipt.storage.exists(key),
    )
    own = champion.get("b", f"/dashboard/expenses/{pk}/receipt/")
    report.check("the champion downloads it on B", own.content == receipt)

    coordinator = Browser(cluster)
    report.check("the coordinator signs in on B", coordinator.sign_in("b", people["coordinator"]))
    staff = coordinator.get("b", f"/admin/expenseclaim/receipt/{pk}/")
    report.check("... and opens the receipt on B", staff.content == receipt, f"{staff.status_code}")
    stranger = Browser(cluster)
    report.check(
        "a visitor who is not signed in cannot",
        stranger.get("a", f"/dashboard/expenses/{pk}/receipt/").status_code == 302,
    )
    return coordinator, pk


def check_request_id_reaches_task(cluster, report, inbox, coordinator: Browser, pk: int) -> None:
    review = f"/admin/expenseclaim/review/{pk}/"
    message = "Please send a photo where the amount can be read."
    response = coordinator.post("a", review, {"decision": "reject", "message": message})
    request_id = response.headers.get("X-Request-ID", "")
    report.check("the coordinator turns the claim down on A", response.status_code == 302)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        lines = [
            line for line in cluster.json_lines("worker1", "worker2")
            # Decision e-mails go through the outbox: the delivery task the request enqueued.
            if line.get("task", "").endswith("deliver_outbox_messages")
            and line.get("request_id") == request_id
        ]  # fmt: skip
        if lines:
            break
        time.sleep(0.5)
    report.check(
        "a worker e-mails the decision, logging the id of the request that enqueued it",
        bool(lines) and lines[0]["request_id"] == request_id and lines[0]["status"] == "succeeded",
        f"request {request_id}, task lines {[(x['request_id'], x['status']) for x in lines]}",
    )
    report.check(
        "... and the champion gets that e-mail",
        inbox.subjects("Your expense claim was not approved") != [],
    )


def check_story(cluster: Cluster, report: Report, champion: Browser, coordinator: Browser):
    import redis

    story = {
        "title": "Kerry finds her voice", "summary": "At the family hub.",
        "text": "I joined after my son was born.", "story_consent": "on",
        "photo_alt": "Kerry at the family hub", "photo_consent": "on",
    }  # fmt: skip
    response = champion.post(
        "a", "/dashboard/stories/new/", story, files={"photo": ("k.png", png(), "image/png")}
    )
    report.check("the champion sends a story with a photo on A", response.status_code == 302)
    dashboard = coordinator.get("b", "/admin/").text
    action = re.search(r"/admin/pages/workflow/action/\d+/approve/\d+/", dashboard)
    if not report.check("the coordinator sees it waiting for review on B", bool(action)):
        return
    coordinator.post("a", action.group(0), {})
    from cms.models import StoryPage

    page = StoryPage.objects.get(title=story["title"])
    visitor = Browser(cluster)
    first = visitor.get("b", page.url)
    renditions = re.findall(rf"http://127\.0\.0\.1:\d+/{BUCKETS[0]}/images/[^\s\"',]+", first.text)
    report.check(
        "approved on A, the story is public on B and on A",
        first.status_code == 200 and visitor.get("a", page.url).status_code == 200,
    )
    report.check(
        "its photo is shown from the public bucket, readable by anyone",
        bool(renditions) and all(unsigned_status(url) == 200 for url in renditions),
        f"{len(renditions)} renditions",
    )
    visitor.get("b", page.url)
    # The page cache's keys hash the Host header and path (cms/cache.py), the same for A and B.
    address = f"{HOST}:{page.url}".encode()
    digest = hashlib.sha256(address).hexdigest()
    cached = redis.Redis.from_url(f"{REDIS}/{CACHE_DB}").keys(f"*public-page:*{digest}")
    report.check("B serves it from the shared page cache", bool(cached), f"{len(cached)} entries")
    withdrawn = champion.post("a", "/dashboard/consents/", {"kind": "story", "action": "withdraw"})
    report.check("the champion withdraws story consent on A", withdrawn.status_code == 302)
    gone = visitor.get("b", page.url)
    index = visitor.get("b", page.get_parent().url)
    report.check(
        "the story is gone from B's cached pages at once",
        gone.status_code == 404 and story["title"] not in index.text,
        f"story {gone.status_code}, index {index.status_code}",
    )


def check_reminder_once(cluster: Cluster, report: Report, inbox: Inbox, event) -> None:
    from events.tasks.notices import send_event_reminders

    send_event_reminders.apply_async()
    send_event_reminders.apply_async()  # as a second beat would, by mistake

    def runs():
        return [
            line["status"] for line in cluster.json_lines("worker1", "worker2")
            if line.get("task") == "events.tasks.send_event_reminders"
        ]  # fmt: skip

    deadline = time.monotonic() + 60
    while len(runs()) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(3)  # room for a second e-mail, if one were coming
    statuses = Counter(runs())
    reminders = inbox.subjects(f"Reminder: {event.title}")
    report.check(
        "a reminder job enqueued twice runs once: the other copy skips",
        statuses["succeeded"] == 1 and statuses["skipped"] >= 1,
        dict(statuses),
    )
    report.check("... and the champion gets one reminder", len(reminders) == 1, f"{reminders}")


def check_processes(cluster: Cluster, report: Report) -> None:
    beat = [line for line in cluster.json_lines("beat") if line.get("logger") == "celery.beat"]
    report.check("one beat is running", cluster.processes["beat"].poll() is None and bool(beat))
    requests = [
        line for line in cluster.json_lines("a", "b") if line.get("logger") == "config.requests"
    ]  # fmt: skip
    served = Counter(line["process"] for line in requests)
    errors = [line for line in requests if line["status"] >= 500]
    report.check(
        "both instances served the journey, with no 5xx",
        served["a"] > 3 and served["b"] > 3 and not errors,
        f"A {served['a']}, B {served['b']} requests, {len(errors)} errors",
    )
    dead = [name for name, process in cluster.processes.items() if process.poll() is not None]
    report.check("every process is still up", not dead, ", ".join(dead))


def journey(cluster: Cluster, report: Report, inbox: Inbox, people: dict) -> None:
    check_health(cluster, report)
    champion = check_sign_in(cluster, report, people)
    found = check_receipt(cluster, report, people, champion)
    if found:
        coordinator, pk = found
        check_request_id_reaches_task(cluster, report, inbox, coordinator, pk)
        check_story(cluster, report, champion, coordinator)
    check_reminder_once(cluster, report, inbox, people["event"])
    check_processes(cluster, report)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    args = parser.parse_args()
    report = Report()
    workdir = Path(tempfile.mkdtemp(prefix="cluster-check-"))
    cluster = Cluster(workdir)
    inbox = Inbox(cluster.ports["smtp"])
    started = time.monotonic()
    print(f"== Cluster check: A {cluster.url('a')}, B {cluster.url('b')}, logs in {workdir}")
    try:
        reset_services(cluster)
        print("  ..    migrating and collecting static files")
        cluster.run(sys.executable, "manage.py", "migrate", "--noinput")
        cluster.run(sys.executable, "manage.py", "collectstatic", "--noinput")
        inbox.controller.start()
        cluster.start_all()
        cluster.wait_for("S3", lambda: unsigned_status(cluster.env["AWS_S3_ENDPOINT_URL"]) < 500)
        create_buckets(cluster)
        setup_django(cluster)
        people = seed()
        for instance in ("a", "b"):
            live = f"{cluster.url(instance)}/health/live"
            cluster.wait_for(instance, lambda url=live: unsigned_status(url) == 200)
        for name in ("worker1", "worker2"):
            cluster.wait_for(name, lambda n=name: "ready." in cluster.log(n).read_text())
        journey(cluster, report, inbox, people)
    except Exception:
        traceback.print_exc()
        report.failures.append("the check itself stopped with an error")
    finally:
        cluster.stop()
        inbox.controller.stop()
        if not args.keep:
            drop_database()
    if report.failures:
        for name in cluster.processes:
            print(f"-- last lines of {name}.log:")
            print("\n".join(cluster.log(name).read_text(errors="replace").splitlines()[-15:]))
    print(f"== {time.monotonic() - started:.0f} s; logs in {workdir}")
    print(f"cluster-check: {report.passed} passed, {len(report.failures)} failed")
    return 1 if report.failures else 0


def _true(predicate) -> bool:
    """The predicate's answer, or False while what it asks cannot be reached yet."""
    try:
        return bool(predicate())
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main())
