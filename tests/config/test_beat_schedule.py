"""The scheduler runs every periodic job of ours, and only tasks that exist."""

import inspect

from django.conf import settings

from config.celery import app

OUR_APPS = ("accounts", "champions", "events", "cms")


def _our_tasks() -> dict:
    app.loader.import_default_modules()  # Celery's autodiscovery of each app's tasks package
    return {name: task for name, task in app.tasks.items() if name.split(".")[0] in OUR_APPS}


def _is_periodic(task) -> bool:
    """A job that needs no arguments is one the scheduler runs (others are sent with ids)."""
    parameters = inspect.signature(task.run).parameters.values()
    return all(p.default is not inspect.Parameter.empty for p in parameters)


def test_every_task_named_in_the_beat_schedule_exists():
    tasks = _our_tasks()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in tasks


def test_each_periodic_job_of_ours_is_scheduled():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    periodic = {name for name, task in _our_tasks().items() if _is_periodic(task)}
    assert periodic - scheduled == set()
    assert "cms.tasks.unpublish_stories_without_consent" in periodic
