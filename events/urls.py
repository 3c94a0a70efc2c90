from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("mine/", views.my_events, name="mine"),
    path("calendar/", views.calendar_feed, name="calendar"),
    path("public/", views.public_list, name="public"),
    path("public/<int:pk>.ics", views.public_event_ics, name="public_ics"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/book/", views.event_book, name="book"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel, name="cancel"),
]
