"""Public events, for anyone: the list, its calendar feed and one event's .ics file."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from accounts.site import absolute_url

from ..ical import event_filename, events_to_ical
from ..selectors.events import events_public_upcoming
from .base import ics_response

PUBLIC_PAGE_SIZE = 20


def public_list(request):
    events = Paginator(events_public_upcoming(), PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/public_list.html", {"events": events})


def public_feed(request):
    content = events_to_ical(
        events_public_upcoming(),
        name="Parent Champions public events",
        url_for=lambda e: absolute_url(reverse("events:public")) + f"#event-{e.pk}",
    )
    return ics_response(content, "parent-champions-events.ics", download=False)


def public_event_ics(request, pk):
    event = get_object_or_404(events_public_upcoming(), pk=pk)
    content = events_to_ical([event], name=event.title)
    return ics_response(content, event_filename(event))
