"""One JSON line per request and per task, with the request id; never an e-mail or a name."""

import io
import json
import logging
import uuid

import pytest
from django_guid import clear_guid, set_guid

from accounts.tasks.accounts import purge_unverified_accounts
from tests.factories.champions import ChampionFactory

from .conftest import needs_broker

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the site's configured console handler writes, as parsed JSON lines."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


def test_a_request_is_one_json_line_with_its_id_user_id_path_status_and_duration(client, log_lines):
    champion = ChampionFactory(preferred_name="Priya", user__email="priya@example.org")
    client.force_login(champion.user)
    response = client.get("/dashboard/", {"q": "priya@example.org"})
    assert response.status_code == 200

    lines = [line for line in log_lines() if line["logger"] == "config.requests"]
    assert len(lines) == 1
    line = lines[0]
    assert line["level"] == "INFO"
    assert line["time"].startswith("20")
    assert line["request_id"] == response["X-Request-ID"]
    assert line["user_id"] == champion.user.pk
    assert (line["method"], line["path"], line["status"]) == ("GET", "/dashboard/", 200)
    assert isinstance(line["duration_ms"], float)
    text = json.dumps(log_lines())
    assert "priya" not in text.lower()  # neither the e-mail (in the query string) nor the name


def test_a_request_id_from_the_load_balancer_is_kept(client, log_lines):
    given = uuid.uuid4().hex
    response = client.get("/accounts/login/", HTTP_X_REQUEST_ID=given)
    assert response["X-Request-ID"] == given
    [line] = [line for line in log_lines() if line["logger"] == "config.requests"]
    assert (line["request_id"], line["user_id"], line["status"]) == (given, None, 200)


@needs_broker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_logs_one_line_with_the_request_id_that_enqueued_it(workers):
    workers.start(1)
    request_id = uuid.uuid4().hex
    set_guid(request_id)
    try:
        purge_unverified_accounts.apply_async(queue=workers.queue)
    finally:
        clear_guid()
    [line] = workers.task_lines(1)
    assert line["task"] == "accounts.tasks.purge_unverified_accounts"
    assert line["status"] == "succeeded"
    assert line["request_id"] == request_id
    assert isinstance(line["duration_ms"], float)
    assert not [r for r in workers.lines() if r["logger"] == "celery.app.trace"]
