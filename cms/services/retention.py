"""Retention for the public site (the list of every rule is champions/retention.py)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from champions.choices import Stage

from ..models import StoryPage


@transaction.atomic
def former_champion_story_revisions_prune(*, today: datetime.date | None = None) -> int:
    """Delete old revisions of stories about champions who left more than the retention period
    ago: only the latest and the live revision stay. Returns how many were deleted."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.RETENTION["FORMER_CHAMPION_REVISION_DAYS"])
    stories = StoryPage.objects.filter(champion__stage=Stage.ALUMNI, champion__left_on__lt=cutoff)
    deleted = 0
    for story in stories.only("pk", "latest_revision_id", "live_revision_id"):
        keep = {story.latest_revision_id, story.live_revision_id} - {None}
        old = Revision.page_revisions.filter(object_id=str(story.pk)).exclude(pk__in=keep)
        deleted += old.delete()[1].get("wagtailcore.Revision", 0)
    return deleted
