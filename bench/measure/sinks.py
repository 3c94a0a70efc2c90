"""What the messaging benchmark sends to: an SMTP sink and a fake GOV.UK Notify, each counting
what it took per recipient, and a redis-server of the benchmark's own that it may stop."""

import collections
import json
import random
import subprocess
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

from .processes import free_port

# What Notify answers when it fails inside (https://docs.notifications.service.gov.uk/python.html)
NOTIFY_500 = {"status_code": 500, "errors": [{"error": "Exception", "message": "Internal error"}]}
NOTIFY_SERVICE_ID, NOTIFY_SECRET = str(uuid.UUID(int=1)), str(uuid.UUID(int=2))
NOTIFY_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"


class Counted:
    """Messages taken per recipient, and when the first and last came."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seen: collections.Counter = collections.Counter()
        self.first = self.last = None

    def took(self, recipient: str) -> None:
        now = time.perf_counter()
        with self.lock:
            self.seen[recipient] += 1
            self.first = self.first or now
            self.last = now

    @property
    def count(self) -> int:
        return sum(self.seen.values())


class SmtpSink(Counted):
    """An aiosmtpd handler: every message accepted, counted per envelope recipient."""

    async def handle_DATA(self, server, session, envelope):
        for rcpt in envelope.rcpt_tos:
            self.took(rcpt)
        return "250 Message accepted for delivery"

    def start(self) -> int:
        port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)
        self.controller.start()
        return port

    def stop(self) -> None:
        self.controller.stop()


class FakeNotify(Counted):
    """A local HTTP server that answers like Notify's send-SMS endpoint (201 with an id), with
    a share of random HTTP 500s; a text is counted only when it was answered 201."""

    def __init__(self, *, failure_rate: float = 0.01, seed: int = 14):
        super().__init__()
        self.failure_rate = failure_rate
        self.random = random.Random(seed)
        self.failures = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _NotifyHandler)
        self.server.daemon_threads = True
        self.server.notify = self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api_key(self) -> str:
        return f"bench-{NOTIFY_SERVICE_ID}-{NOTIFY_SECRET}"

    def answer(self, request: dict) -> tuple[int, dict]:
        with self.lock:
            fail = self.random.random() < self.failure_rate
            self.failures += fail
        if fail:
            return 500, NOTIFY_500
        self.took(request["phone_number"])
        reference = request.get("reference")
        return 201, {"id": str(uuid.uuid4()), "reference": reference, "content": {}}

    def start(self) -> None:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _NotifyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as requests' session would use it

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path != "/v2/notifications/sms":
            status, answer = 404, {"status_code": 404, "errors": [{"error": "NotFound"}]}
        else:
            status, answer = self.server.notify.answer(request)
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class RedisServer:
    """A redis-server on a free port, without persistence (a restart loses what it held)."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        ping = ["redis-cli", "-p", str(self.port), "ping"]
        deadline = time.monotonic() + 20
        while subprocess.run(ping, capture_output=True).stdout != b"PONG\n":  # noqa: S603
            if time.monotonic() > deadline:
                raise RuntimeError("the benchmark's redis-server did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
