"""Background jobs of the champions app: thin wrappers around one service each, safe to rerun.

Celery autodiscovery imports `champions.tasks`, so every task module is imported here. A task
imports its service inside the function (services import tasks at module level).
"""

from . import journey, messages, privacy, reminders, retention, training

__all__ = ["journey", "messages", "privacy", "reminders", "retention", "training"]
