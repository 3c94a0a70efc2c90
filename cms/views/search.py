"""Site search over the public pages."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from ..models import OutcomePage, StoryPage


def search(request):
    """Site search over published stories (with consent) and outcomes."""
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        pages = (
            Page.objects.live()
            .public()
            .type(StoryPage, OutcomePage)
            .exclude(pk__in=StoryPage.objects.hidden().values("pk"))
            .specific()
        )
        results = pages.search(query)
    page = Paginator(results, 20).get_page(request.GET.get("page")) if query else None
    return render(request, "cms/search.html", {"query": query, "results": page})
