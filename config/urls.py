from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls


class AdminLoginRedirect(RedirectView):
    """Sends Wagtail's own login form to allauth's, keeping ?next=, so one login is exposed."""

    pattern_name = "account_login"
    query_string = True


urlpatterns = [
    path("admin/login/", AdminLoginRedirect.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("dashboard/", include("champions.urls")),
    path("dashboard/", include("champions.activity_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
