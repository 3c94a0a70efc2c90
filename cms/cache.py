"""A shared cache of anonymous public page responses, served before URL routing.

Pages opt in (PublicCacheMixin). Every key carries a generation number; bumping it
(`public_cache_clear`) retires all cached pages at once. It is bumped on publish, unpublish,
page moves and deletes, and on consent changes, so nothing outlives what it may show.

The impact figures (aggregates over every log and event) are cached apart, so a page miss
(after a publish, or a URL the cache has not seen) does not recompute them: shared by the home
and impact pages, kept PUBLIC_FIGURES_CACHE_SECONDS, and retired at once when a log is
approved or stops being approved (cms/receivers.py). Pages that show them are kept no longer
than that either (`public_cache_seconds`), so a figure on a page is at most twice as old.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "public-page-cache:generation"
# Longer query strings are not real filters: they are served but never stored, so junk URLs
# cannot fill the cache.
MAX_CACHED_QUERY_LENGTH = 200
FIGURES_GENERATION_KEY = "public-figures:generation"


def _generation(key: str = GENERATION_KEY) -> int:
    generation = cache.get(key)
    if generation is None:
        cache.add(key, 1, timeout=None)
        generation = cache.get(key, 1)
    return generation


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, 1, timeout=None)


def public_cache_clear(**kwargs) -> None:
    """Retire every cached public page (usable directly as a signal receiver)."""
    _bump(GENERATION_KEY)


def figures_cached(name: str, compute):
    """`compute()`'s value, shared through the cache for PUBLIC_FIGURES_CACHE_SECONDS."""
    key = f"public-figures:{_generation(FIGURES_GENERATION_KEY)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PUBLIC_FIGURES_CACHE_SECONDS)
    return value


def figures_cache_clear() -> None:
    """Retire the cached figures, and the pages that show them."""
    _bump(FIGURES_GENERATION_KEY)
    public_cache_clear()


def _key(request, generation):
    # Hashed: a key stays short and safe for every cache backend whatever the URL holds.
    address = f"{request.get_host()}:{request.get_full_path()}".encode()
    return f"public-page:{generation}:{hashlib.sha256(address).hexdigest()}"


class PublicPageCacheMiddleware:
    """Serves and stores anonymous GET responses of pages marked `public_cacheable`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        cacheable_request = (
            timeout
            and request.method in ("GET", "HEAD")
            and "messages" not in request.COOKIES
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY_LENGTH
        )
        if not cacheable_request:
            return self.get_response(request)
        key = _key(request, _generation())
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        timeout = min(timeout, getattr(response, "public_cache_seconds", None) or timeout)
        if (
            getattr(response, "public_cacheable", False)
            and response.status_code == 200
            and not request.user.is_authenticated
            and not response.cookies
        ):
            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(lambda r: cache.set(key, r, timeout))
            else:
                cache.set(key, response, timeout)
        return response
