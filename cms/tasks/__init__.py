"""Background jobs of the public site; Celery autodiscovery imports this package."""

from . import stories

__all__ = ["stories"]
