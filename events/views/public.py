"""Public events, for anyone: the old listing's address, the calendar feed and .ics files.

The public site lists public events on one page (the cms's "What's on" page, found through
the hook `events_public_events_path`); /events/public/ now sends visitors there for good.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404

from accounts.site import absolute_url

from ..hooks import public_events_path
from ..ical import event_filename, events_to_ical
from ..selectors.events import events_public_upcoming
from .base import ics_response


def public_list(request):
    """The retired second listing: a permanent redirect to the public site's events page."""
    path = public_events_path()
    if path is None:
        raise Http404("The public site has no events page.")
    return HttpResponsePermanentRedirect(path)


def public_feed(request):
    listing = public_events_path()
    content = events_to_ical(
        events_public_upcoming(),
        name="Parent Champions public events",
        url_for=(lambda e: absolute_url(f"{listing}{e.pk}/")) if listing else None,
    )
    return ics_response(content, "parent-champions-events.ics", download=False)


def public_event_ics(request, pk):
    event = get_object_or_404(events_public_upcoming(), pk=pk)
    content = events_to_ical([event], name=event.title)
    return ics_response(content, event_filename(event))
