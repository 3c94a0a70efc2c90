"""The site's own address and name, for every link that leaves a request: e-mails, feeds.

Built on the default Wagtail `Site` (Settings > Sites): its hostname and port make the root
URL, and its site name names the programme. `make run` sets them from PORT (load_demo --port).
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

CACHE_KEY = "accounts:site-address"


def _default_site() -> tuple[str, str]:
    address = cache.get(CACHE_KEY)
    if address is None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            address = (settings.WAGTAILADMIN_BASE_URL.rstrip("/"), settings.WAGTAIL_SITE_NAME)
        else:
            address = (site.root_url, site.site_name or settings.WAGTAIL_SITE_NAME)
        cache.set(CACHE_KEY, address, timeout=None)
    return address


def site_root_url() -> str:
    """e.g. "https://champions.example.org" or "http://127.0.0.1:8000" (no trailing slash)."""
    return _default_site()[0]


def absolute_url(path: str) -> str:
    """`path` (from reverse() or a page's url) as a full URL on the configured site."""
    if path.startswith(("http://", "https://")):
        return path
    return site_root_url() + path


def site_name() -> str:
    """The programme's name as the site calls itself."""
    return _default_site()[1]


def site_address_changed(**kwargs) -> None:
    """Forget the cached address (connected to Site saves and deletes in accounts.apps)."""
    cache.delete(CACHE_KEY)
