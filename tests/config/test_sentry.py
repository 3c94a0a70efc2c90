"""Errors reach Sentry only when SENTRY_DSN is set, tagged with the request id, without PII."""

import gzip
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process, because Sentry is set up (or not) when the settings load.
SCRIPT = """
import logging, django, sentry_sdk
django.setup()
from django_guid import set_guid
set_guid("0123456789abcdef0123456789abcdef")
logging.getLogger("champions").error("a reminder could not be sent")
sentry_sdk.flush(timeout=10)
client = sentry_sdk.get_client()
print("active" if client.is_active() else "inactive", client.options.get("send_default_pii"))
"""


@pytest.fixture
def sentry_server():
    """A stand-in for Sentry on loopback that keeps each envelope it is sent."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            received.append((self.path, body.decode("utf-8", "replace")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], received
    server.shutdown()


def run(dsn: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SENTRY_DSN"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    if dsn:
        env["SENTRY_DSN"] = dsn
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_with_a_dsn_an_error_is_reported_with_its_request_id_and_no_personal_data(
    sentry_server,
):
    port, received = sentry_server
    assert run(f"http://publickey@127.0.0.1:{port}/1") == "active False"
    events = [body for path, body in received if path == "/api/1/envelope/"]
    assert len(events) == 1
    assert "a reminder could not be sent" in events[0]
    assert '"request_id":"0123456789abcdef0123456789abcdef"' in events[0].replace(" ", "")


def test_without_a_dsn_sentry_is_off():
    assert run(None) == "inactive None"


def test_a_report_loses_the_query_string_form_data_and_cookies(monkeypatch):
    from config.logs import sentry_before_send

    monkeypatch.setattr("config.logs.get_guid", lambda: "abc123")
    event = {
        "request": {
            "url": "https://champions.test/admin/expenseclaim/",
            "query_string": "q=priya@example.org",
            "data": {"login": "priya@example.org"},
            "cookies": {"sessionid": "secret"},
        }
    }
    assert sentry_before_send(event, {}) == {
        "request": {"url": "https://champions.test/admin/expenseclaim/"},
        "tags": {"request_id": "abc123"},
    }
