"""Site search over the public pages."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ..selectors.search import public_pages_search


def search(request):
    """Site search over published stories (with consent) and outcomes."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    page = None
    if query:
        page = Paginator(public_pages_search(query), 20).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "results": page})
