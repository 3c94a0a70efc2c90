"""Background jobs of the public site; Celery autodiscovery imports this package."""

from . import impact_pack, stories

__all__ = ["impact_pack", "stories"]
