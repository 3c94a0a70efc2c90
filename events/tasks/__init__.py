"""Background jobs of the events app; Celery autodiscovery imports this package.

Each task calls one service and is safe to run twice; it imports its service inside the
function (services import tasks at module level).
"""

from . import digest, notices

__all__ = ["digest", "notices"]
