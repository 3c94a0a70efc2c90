import email
import socket
import threading
from dataclasses import dataclass, field

import factory.random
import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Fuzz tests (tests/fuzz.py): the same examples every run, few enough to keep the suite quick.
# Each example goes through the test client inside the test's transaction, so the
# function-scoped fixtures (client, db) are shared on purpose.
hypothesis_settings.register_profile(
    "suite",
    derandomize=True,
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("suite")

# A local S3 server and the `s3` fixture (object storage on loopback).
pytest_plugins = ["tests.object_storage"]


@pytest.fixture(autouse=True)
def _same_fake_data(request):
    """Faker-made names are the same in every run, whatever ran before: a random staff name
    can never collide with a name a test looks for in one run and not the next."""
    factory.random.reseed_random(request.node.nodeid)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and page caches live in the cache: start every test empty."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class _Inbox:
    """Messages received by the test SMTP server, parsed with the standard library."""

    messages: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        with self.lock:
            self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for rcpts, m in self.messages if address in rcpts]

    @staticmethod
    def body(message):
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        return ""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on loopback; Django sends to it through its SMTP backend."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()
