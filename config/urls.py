from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import feeds
from cms.api import api_router
from cms.views import search as cms_search
from events.urls import calendar_urlpatterns


class AdminLoginRedirect(RedirectView):
    """Sends Wagtail's own login form to allauth's, keeping ?next=, so one login is exposed."""

    pattern_name = "account_login"
    query_string = True


urlpatterns = [
    path("admin/login/", AdminLoginRedirect.as_view()),
    path("search/", cms_search.search, name="search"),
    path("sitemap.xml", sitemap),
    path("api/v2/", api_router.urls),
    path("feeds/stories/", feeds.StoriesFeed(), name="feed_stories"),
    path("feeds/stories/atom/", feeds.StoriesAtomFeed(), name="feed_stories_atom"),
    path("feeds/outcomes/", feeds.OutcomesFeed(), name="feed_outcomes"),
    path("feeds/outcomes/atom/", feeds.OutcomesAtomFeed(), name="feed_outcomes_atom"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("dashboard/stories/", include("cms.urls")),
    path("dashboard/", include("champions.urls")),
    path("events/", include("events.urls")),
    path("calendar/", include((calendar_urlpatterns, "calendar"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
