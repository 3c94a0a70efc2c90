"""The project's one Celery app; each app's tasks.py is autodiscovered.

Every task is built on `Task` below, so no task module has to do anything to get:
- the request id of the request (or task) that enqueued it, on each of its log lines;
- one log line when it ends: task name, id, status and duration;
- for periodic jobs (named in CELERY_BEAT_SCHEDULE), a short lock in the shared cache, so that
  a second copy sent by a second beat started by mistake does nothing.

https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
"""

import logging
import logging.config
import os
import time
from datetime import timedelta

from celery import Celery
from celery import Task as BaseTask
from celery.exceptions import Retry
from celery.signals import before_task_publish, setup_logging
from django.conf import settings
from django.core.cache import cache
from django_guid import clear_guid, get_guid, set_guid
from django_guid.utils import generate_guid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

logger = logging.getLogger("config.tasks")

REQUEST_ID_HEADER = "request_id"


class Task(BaseTask):
    """A task that carries its request id, logs one line and runs a periodic job only once."""

    def __call__(self, *args, **kwargs):
        request = self.request
        if request.called_directly or request.is_eager:
            # In-process (tests, `make run` without a broker): the caller's request id applies.
            return super().__call__(*args, **kwargs)
        set_guid(request.get(REQUEST_ID_HEADER) or generate_guid())
        periodic = self.name in periodic_task_names(self.app)
        started = time.perf_counter()
        status = "succeeded"
        try:
            if periodic and not self._take_lock():
                status = "skipped"
                return None
            return super().__call__(*args, **kwargs)
        except Retry:
            status = "retrying"
            raise
        except Exception:
            status = "failed"
            if periodic:
                cache.delete(self._lock_key())  # let the next copy try again
            raise
        finally:
            logger.log(
                logging.ERROR if status == "failed" else logging.INFO,
                "task %s %s",
                self.name,
                status,
                extra={
                    "task": self.name,
                    "task_id": request.id,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            clear_guid()

    def _lock_key(self) -> str:
        return f"periodic-lock:{self.name}"

    def _take_lock(self) -> bool:
        """True for the first copy of a periodic job within CELERY_PERIODIC_LOCK_SECONDS."""
        # cache.add is an atomic "set if absent" (SET NX on Redis), shared by every worker.
        seconds = periodic_lock_seconds(self.app)[self.name]
        return cache.add(self._lock_key(), self.request.id, timeout=seconds)


def periodic_task_names(app) -> set[str]:
    """The tasks that beat sends on a schedule."""
    return {entry["task"] for entry in (app.conf.beat_schedule or {}).values()}


def periodic_lock_seconds(app) -> dict[str, float]:
    """How long each periodic job's lock lasts: CELERY_PERIODIC_LOCK_SECONDS, but never more
    than half the job's interval, so that a lock never swallows the job's next run (the outbox
    sweep runs every minute)."""
    seconds = {}
    for entry in (app.conf.beat_schedule or {}).values():
        every = entry["schedule"]
        if isinstance(every, timedelta):
            every = every.total_seconds()
        limit = settings.CELERY_PERIODIC_LOCK_SECONDS
        if isinstance(every, int | float):
            limit = min(limit, every / 2)
        seconds[entry["task"]] = min(limit, seconds.get(entry["task"], limit))
    return seconds


app = Celery("parent_champions", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@before_task_publish.connect
def _pass_request_id(headers, **kwargs):
    """Sends the current request (or task) id along with every task enqueued."""
    request_id = get_guid()
    if request_id:
        headers.setdefault(REQUEST_ID_HEADER, request_id)


@setup_logging.connect
def _log_like_the_site(**kwargs):
    """Workers and beat log through the site's LOGGING (JSON lines), not Celery's own format."""
    logging.config.dictConfig(settings.LOGGING)
