"""What every public page shares."""


class PublicCacheMixin:
    """Marks a page's anonymous responses as safe to keep in the shared page cache.

    The cache (cms.cache.PublicPageCacheMiddleware) is cleared on every publish, unpublish
    and consent change, so cached copies never outlive what they show.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_cacheable = True
        return response
