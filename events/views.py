"""Champion-facing and public event pages, .ics downloads and calendar feeds."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from champions.access import champion_for_request

from . import selectors, services
from .forms import EventFilterForm
from .ical import event_filename, events_to_ical
from .models import CalendarFeed, Registration

PUBLIC_PAGE_SIZE = 20


def champion_required(view):
    """Signed in with a champion profile; anyone else (staff included) gets a 404."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, champion_for_request(request), *args, **kwargs)

    return wrapper


def _ics_response(content: bytes, filename: str, *, download: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _back(request, default: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


@champion_required
def event_list(request, champion):
    form = EventFilterForm(request.GET or None)
    kind, area = "", None
    if form.is_valid():
        kind, area = form.cleaned_data["kind"], form.cleaned_data["area"]
    events = selectors.upcoming_events_for(champion, kind=kind, area=area)
    return render(request, "events/event_list.html", {"form": form, "events": events})


@champion_required
def event_detail(request, champion, pk):
    event = _visible_event(champion, pk)
    return render(request, "events/event_detail.html", {"event": event})


def _visible_event(champion, pk):
    queryset = selectors.with_booked_count(
        selectors.events_visible_to(champion).select_related("area")
    )
    event = get_object_or_404(queryset, pk=pk)
    mine = Registration.objects.filter(event=event, champion=champion).first()
    event.my_registration = mine
    event.my_status = mine.status if mine else None
    event.my_registration_id = mine.pk if mine else None
    return event


@require_POST
@champion_required
def event_book(request, champion, pk):
    event = _visible_event(champion, pk)
    try:
        registration = services.registration_book(event=event, champion=champion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.is_booked:
            messages.success(request, f"You are booked on “{event.title}”.")
        else:
            messages.success(
                request,
                f"“{event.title}” is full, so you are on the waiting list. We will e-mail you "
                "if a place comes up.",
            )
    return _back(request, reverse("events:detail", args=[event.pk]))


@require_POST
@champion_required
def registration_cancel(request, champion, pk):
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=pk, champion=champion
    )
    was_waiting = registration.is_waiting
    try:
        services.registration_cancel(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"You have left the waiting list for “{registration.event.title}”."
            if was_waiting
            else f"Your booking on “{registration.event.title}” is cancelled.",
        )
    return _back(request, reverse("events:mine"))


@champion_required
def event_ics(request, champion, pk):
    event = _visible_event(champion, pk)
    content = events_to_ical(
        [event],
        name=event.title,
        url_for=lambda e: request.build_absolute_uri(reverse("events:detail", args=[e.pk])),
    )
    return _ics_response(content, event_filename(event))


@champion_required
def my_events(request, champion):
    return render(
        request,
        "events/my_events.html",
        {
            "upcoming": selectors.champion_upcoming_registrations(champion),
            "past": selectors.champion_past_registrations(champion),
            "prompts": selectors.champion_log_prompts(champion),
        },
    )


@champion_required
def calendar_feed(request, champion):
    if request.method == "POST":
        services.calendar_feed_reset(champion=champion)
        messages.success(
            request,
            "Your calendar address has changed. The old address no longer works: "
            "subscribe again with the new one.",
        )
        return redirect("events:calendar")
    feed = services.calendar_feed_for(champion=champion)
    url = request.build_absolute_uri(reverse("calendar:private", args=[feed.token]))
    return render(
        request,
        "events/calendar_feed.html",
        {"feed_url": url, "webcal_url": url.replace("https://", "webcal://", 1)},
    )


def private_feed(request, token):
    """A champion's bookings as a calendar; the secret token is the only credential."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("champion"), token=token)
    registrations = selectors.champion_feed_registrations(feed.champion)
    content = events_to_ical(
        [r.event for r in registrations],
        name="My Parent Champions events",
        url_for=lambda e: request.build_absolute_uri(reverse("events:detail", args=[e.pk])),
    )
    response = _ics_response(content, "my-events.ics", download=False)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def public_list(request):
    events = Paginator(selectors.public_upcoming_events(), PUBLIC_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "events/public_list.html", {"events": events})


def public_feed(request):
    content = events_to_ical(
        selectors.public_upcoming_events(),
        name="Parent Champions public events",
        url_for=lambda e: request.build_absolute_uri(reverse("events:public")) + f"#event-{e.pk}",
    )
    return _ics_response(content, "parent-champions-events.ics", download=False)


def public_event_ics(request, pk):
    event = get_object_or_404(selectors.public_upcoming_events(), pk=pk)
    content = events_to_ical([event], name=event.title)
    return _ics_response(content, event_filename(event))
