"""Background jobs of the accounts app; Celery autodiscovery imports this package."""

from . import accounts, outbox

__all__ = ["accounts", "outbox"]
