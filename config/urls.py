from django.conf import settings
from django.http import Http404
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import feeds, reports
from cms.api import api_router
from cms.views import search as cms_search
from events.urls import calendar_urlpatterns, consultation_urlpatterns


class AllauthLoginRedirect(RedirectView):
    """Sends Wagtail's own login forms to allauth's, keeping ?next=, so one login is exposed.

    A POST is redirected too, without reading it: no password is ever checked here.
    """

    pattern_name = "account_login"
    query_string = True


def shared_password_closed(request, *args, **kwargs):
    """Page and document passwords are shared secrets with no rate limit: they are not offered
    (WAGTAIL_PRIVATE_PAGE_OPTIONS), and nothing may guess one that an older page still has."""
    raise Http404


# Every way to sign in is allauth's (its rate limits, e-mail verification and second factor):
# Wagtail's login forms forward to it and its password forms for pages and documents are shut.
login_doors = [
    path("admin/login/", AllauthLoginRedirect.as_view()),
    path("_util/login/", AllauthLoginRedirect.as_view()),
    path("_util/authenticate_with_password/<int:a>/<int:b>/", shared_password_closed),
    path("documents/authenticate_with_password/<int:a>/", shared_password_closed),
]

urlpatterns = [
    *login_doors,
    path("search/", cms_search.search, name="search"),
    path("sitemap.xml", sitemap),
    path("api/v2/", api_router.urls),
    path("feeds/stories/", feeds.StoriesFeed(), name="feed_stories"),
    path("feeds/stories/atom/", feeds.StoriesAtomFeed(), name="feed_stories_atom"),
    path("feeds/outcomes/", feeds.OutcomesFeed(), name="feed_outcomes"),
    path("feeds/outcomes/atom/", feeds.OutcomesAtomFeed(), name="feed_outcomes_atom"),
    path("admin/reports/", include(reports.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("notify/", include("accounts.urls")),
    path("dashboard/stories/", include("cms.urls")),
    path("dashboard/", include("champions.urls")),
    path("events/", include("events.urls")),
    path("calendar/", include((calendar_urlpatterns, "calendar"))),
    path("have-your-say/", include((consultation_urlpatterns, "consultations"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
