"""When the shared cache (Redis) goes down, pages and sign-in keep working uncached.

A private redis-server is started on a free port and stopped mid-test: the shared one on 6379
is never touched.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from config.settings.base import redis_cache
from tests.factories.accounts import PASSWORD
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory

pytestmark = pytest.mark.django_db


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def private_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = _free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield process, url
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


def test_pages_and_sign_in_survive_a_cache_outage(client, settings, private_redis, caplog):
    process, url = private_redis
    settings.CACHES = {"default": redis_cache(url)}
    story = StoryPageFactory(title="Evening clinics")
    champion = ChampionFactory()

    assert client.get(story.url).status_code == 200
    cache.set("probe", 1)
    assert cache.get("probe") == 1, "the page cache should be on the private Redis"

    process.terminate()
    process.wait(timeout=10)
    caplog.clear()

    with caplog.at_level(logging.ERROR):
        assert client.get("/").status_code == 200
        assert client.get(story.url).status_code == 200
        response = client.post(
            reverse("account_login"), {"login": champion.user.email, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert response.url == reverse("champions:dashboard")
        assert client.get(reverse("champions:dashboard")).status_code == 200
    assert any(r.name.startswith("django_redis") for r in caplog.records), (
        "the outage should be logged"
    )
