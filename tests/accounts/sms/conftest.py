import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SERVICE_ID, SECRET = str(uuid.UUID(int=1)), str(uuid.UUID(int=2))


class FakeNotify(ThreadingHTTPServer):
    """A local HTTP server that answers like GOV.UK Notify's send-SMS endpoint."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict] = []
        self.answers: list[tuple[int, dict]] = []  # next answers; then 201 with a new id

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(
            {"path": self.path, "headers": dict(self.headers), "json": body}
        )
        if self.server.answers:
            status, answer = self.server.answers.pop(0)
        else:
            status, answer = 201, {"id": str(uuid.uuid4()), "reference": body.get("reference")}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_notify(settings):
    server = FakeNotify()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "accounts.sms.notify.NotifySmsBackend"
    settings.NOTIFY_API_KEY = f"test_key-{SERVICE_ID}-{SECRET}"
    settings.NOTIFY_SMS_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    settings.NOTIFY_BASE_URL = server.url
    yield server
    server.shutdown()
    server.server_close()
