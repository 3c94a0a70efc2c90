"""A shared cache of anonymous public page responses, served before URL routing.

Pages opt in (PublicCacheMixin). Every key carries a generation number; bumping it
(`public_cache_clear`) retires all cached pages at once. It is bumped on publish, unpublish,
page moves and deletes, and on consent changes, so nothing outlives what it may show.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "public-page-cache:generation"
# Longer query strings are not real filters: they are served but never stored, so junk URLs
# cannot fill the cache.
MAX_CACHED_QUERY_LENGTH = 200


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def public_cache_clear(**kwargs) -> None:
    """Retire every cached public page (usable directly as a signal receiver)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


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
