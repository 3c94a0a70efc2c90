"""Wagtail API v2, read-only: published stories (with consent) and outcomes only."""

from types import SimpleNamespace

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .models import OutcomePage, StoryPage
from .selectors.search import search_terms

# Past this no listing has rows; beyond 2**63 the database cannot even read the number.
MAX_OFFSET = 1_000_000


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's ?search=, read as plain words (cms.selectors.search.search_terms)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        params = request.GET.copy()
        if params.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        params["search"] = search_terms(params["search"])
        if not params["search"]:
            return queryset.none()
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Only stories and outcomes, never a story whose champion's consent is not current."""

    filter_backends = [
        PlainWordsSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .type(StoryPage, OutcomePage)
            .exclude(pk__in=StoryPage.objects.hidden().values("pk"))
        )

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        params = self.request.GET
        if any("\x00" in value for values in params.lists() for value in values[1]):
            raise BadRequestError("query parameters cannot contain null characters")
        offset = params.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
