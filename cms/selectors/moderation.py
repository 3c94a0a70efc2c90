"""Reads for the coordinator's admin home page: stories waiting for staff.

Each returns `(count, first rows)`: two queries whatever the number of stories.
"""

from django.db.models import Exists, OuterRef
from wagtail.models import PageLogEntry, WorkflowState

from ..audit import UNPUBLISH_WITHOUT_CONSENT
from ..models.stories import StoryPage


def stories_awaiting_moderation(*, limit: int) -> tuple[int, list[StoryPage]]:
    """Stories in a moderation workflow, the longest waiting first."""
    queryset = StoryPage.objects.filter(
        _specific_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
    ).distinct()
    return queryset.count(), list(queryset.order_by("latest_revision_created_at", "pk")[:limit])


def stories_unpublished_for_consent(*, limit: int) -> tuple[int, list[StoryPage]]:
    """Stories taken down because consent lapsed, still down and still without consent."""
    taken_down = PageLogEntry.objects.filter(page=OuterRef("pk"), action=UNPUBLISH_WITHOUT_CONSENT)
    queryset = (
        StoryPage.objects.not_live()
        .filter(Exists(taken_down))
        .exclude(pk__in=StoryPage.objects.consented().values("pk"))
    )
    return queryset.count(), list(queryset.order_by("-last_published_at", "pk")[:limit])
