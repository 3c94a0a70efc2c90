"""Calendar feeds: the page with a champion's private feed address, and the feed itself."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts.site import absolute_url

from ..ical import events_to_ical
from ..models import CalendarFeed
from ..selectors.booking import registrations_for_feed
from ..services.feeds import calendar_feed_for, calendar_feed_reset
from ..services.notices import event_url
from .base import champion_required, ics_response


@champion_required
def calendar_feed(request, champion):
    if request.method == "POST":
        calendar_feed_reset(champion=champion)
        messages.success(
            request,
            "Your calendar address has changed. The old address no longer works: "
            "subscribe again with the new one.",
        )
        return redirect("events:calendar")
    feed = calendar_feed_for(champion=champion)
    url = absolute_url(reverse("calendar:private", args=[feed.token]))
    return render(
        request,
        "events/calendar_feed.html",
        {"feed_url": url, "webcal_url": url.replace("https://", "webcal://", 1)},
    )


def private_feed(request, token):
    """A champion's bookings as a calendar; the secret token is the only credential."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("champion"), token=token)
    registrations = registrations_for_feed(feed.champion)
    content = events_to_ical(
        [r.event for r in registrations],
        name="My Parent Champions events",
        url_for=event_url,
    )
    response = ics_response(content, "my-events.ics", download=False)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
