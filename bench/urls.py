"""The project's URLs plus the floor: the cheapest page Django can serve under these settings."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns

FLOOR_HTML = (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
    "<title>Floor</title></head><body><main><h1>Floor</h1>"
    "<p>The smallest page, through the full middleware stack.</p></main></body></html>"
)


def floor(request):
    """No template, no database: what every other page's throughput is compared with."""
    return HttpResponse(FLOOR_HTML)


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *project_urlpatterns]
