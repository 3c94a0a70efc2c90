"""Calendar feeds for calendar apps, at /calendar/: the public one and champions' private ones."""

from django.urls import path

from . import views

app_name = "calendar"
urlpatterns = [
    path("public.ics", views.public_feed, name="public"),
    path("<str:token>.ics", views.private_feed, name="private"),
]
