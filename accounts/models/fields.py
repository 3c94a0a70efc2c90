"""Model fields every app uses alike."""

from django.db import models


def optional_link(to, **kwargs) -> models.ForeignKey:
    """A link that may be empty and is emptied when what it points at is deleted."""
    return models.ForeignKey(to, null=True, blank=True, on_delete=models.SET_NULL, **kwargs)
