"""Champions' and public event pages under /events/, and calendar feeds under /calendar/."""

from django.urls import path

from .views import booking, consultations, feeds, public, voice

app_name = "events"
urlpatterns = [
    path("", booking.event_list, name="list"),
    path("mine/", booking.my_events, name="mine"),
    path("calendar/", feeds.calendar_feed, name="calendar"),
    path("public/", public.public_list, name="public"),
    path("public/<int:pk>.ics", public.public_event_ics, name="public_ics"),
    path("<int:pk>/", booking.event_detail, name="detail"),
    path("<int:pk>/book/", booking.event_book, name="book"),
    path("<int:pk>/event.ics", booking.event_ics, name="ics"),
    path("<int:pk>/voice/", voice.voice_points, name="voice"),
    path("registrations/<int:pk>/cancel/", booking.registration_cancel, name="cancel"),
]

# For calendar apps, at /calendar/ (namespace "calendar"): the public feed and private ones.
calendar_urlpatterns = [
    path("public.ics", public.public_feed, name="public"),
    path("<slug:token>.ics", feeds.private_feed, name="private"),
]

# Consultations parents answer, at /have-your-say/ (namespace "consultations").
consultation_urlpatterns = [
    path("", consultations.have_your_say, name="list"),
    path("<slug:slug>/", consultations.consultation_answer, name="answer"),
    path("<slug:slug>/thank-you/", consultations.consultation_thanks, name="thanks"),
    path("<slug:slug>/paper/", consultations.paper_response_enter, name="paper"),
    path("<slug:slug>/results/", consultations.consultation_results_public, name="results"),
]
