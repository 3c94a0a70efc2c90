"""Submitting a form twice (a double click, a resent POST) records one entry, not two.

A champion's forms carry a one-time key (`submission_key`, made when the form is shown). The
champion's row is locked first, so two posts of the same form are served one after the other
on PostgreSQL too; the second finds the entry the first made.
"""

import uuid

from django.db.models import Model, QuerySet

from ..models import Champion


def entry_already_submitted(
    entries: QuerySet, *, champion: Champion, submission_key: uuid.UUID | None
) -> Model | None:
    """The entry `champion` already sent with this form's key, if any."""
    Champion.objects.select_for_update().filter(pk=champion.pk).first()
    if submission_key is None:
        return None
    return entries.filter(champion=champion, submission_key=submission_key).first()
