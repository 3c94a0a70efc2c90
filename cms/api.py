"""Wagtail API v2, read-only: published stories (with consent) and outcomes only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .models import OutcomePage, StoryPage


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Only stories and outcomes, never a story whose champion's consent is not current."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .type(StoryPage, OutcomePage)
            .exclude(pk__in=StoryPage.objects.hidden().values("pk"))
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
