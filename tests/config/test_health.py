"""/health/live and /health/ready: cheap, never cached, not logged, and 503 naming what failed."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.conf import settings as django_settings
from django.db.utils import ConnectionHandler

from config import health
from tests.object_storage import ObjectStorage, start_moto

pytestmark = pytest.mark.django_db

CHECKS = ["database", "cache", "broker", "storage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(client):
    response = client.get("/health/ready", HTTP_HOST="10.0.0.5")  # a load balancer's probe
    return response.status_code, response.json()


def test_live_answers_any_host_and_is_never_cached(client):
    response = client.get("/health/live", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_ready_checks_every_service_in_one_query_and_is_not_logged(
    client, caplog, django_assert_num_queries
):
    with caplog.at_level("DEBUG"), django_assert_num_queries(1):
        status, body = ready(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert list(body["checks"]) == CHECKS
    assert "no-store" in client.get("/health/ready/")["Cache-Control"]
    assert not [r for r in caplog.records if r.name == "config.requests"]


def test_ready_refuses_other_methods(client):
    assert client.post("/health/ready").status_code == 405


def test_ready_is_503_when_the_database_cannot_be_reached(client, monkeypatch):
    unreachable = dict(django_settings.DATABASES["default"])
    if unreachable["ENGINE"].endswith("sqlite3"):
        unreachable["NAME"] = "/no-such-directory/db.sqlite3"
    else:
        unreachable.update(HOST="127.0.0.1", PORT=str(free_port()))
    monkeypatch.setattr(health, "connections", ConnectionHandler({"default": unreachable}))
    status, body = ready(client)
    assert status == 503
    assert body["status"] == "failed"
    assert body["failed"] == ["database"]


@pytest.fixture
def private_redis():
    """A redis-server of this test's own on a free port, which the test may stop."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def test_ready_is_503_when_redis_stops(client, settings, private_redis):
    process, url = private_redis
    backend = "django.core.cache.backends.redis.RedisCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": f"{url}/0"}}
    settings.CELERY_BROKER_URL = f"{url}/1"
    assert ready(client)[0] == 200

    process.terminate()
    process.wait(timeout=10)
    status, body = ready(client)
    assert status == 503
    assert body["failed"] == ["cache", "broker"]


def test_ready_is_503_when_object_storage_stops(client, settings):
    server, endpoint = start_moto()
    storage = ObjectStorage(endpoint_url=endpoint, bucket="health", private_bucket="health-private")
    storage.create_buckets()
    settings.STORAGES = storage.storages()
    assert ready(client)[0] == 200

    server.stop()
    status, body = ready(client)
    assert status == 503
    assert body["failed"] == ["storage"]


def test_ready_is_503_when_a_bucket_is_missing(client, settings, s3):
    s3.client.delete_bucket(Bucket=s3.private_bucket)
    status, body = ready(client)
    assert (status, body["failed"]) == (503, ["storage"])
