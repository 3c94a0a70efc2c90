"""Champions' event pages: upcoming events, one event, booking, cancelling, "My events"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..forms.booking import EventFilterForm
from ..ical import event_filename, events_to_ical
from ..models import Registration
from ..selectors.booking import (
    registrations_past_for,
    registrations_to_log_for,
    registrations_upcoming_for,
)
from ..selectors.events import (
    events_by_week,
    events_upcoming_for,
    events_visible_to,
    events_with_booked_count,
)
from ..services.booking import registration_book
from ..services.booking import registration_cancel as registration_cancel_service
from ..services.notices import event_url
from .base import back, champion_required, ics_response

EVENTS_PER_PAGE = 10


@champion_required
def event_list(request, champion):
    form = EventFilterForm(request.GET or None)
    kind, area = "", None
    if form.is_valid():
        kind, area = form.cleaned_data["kind"], form.cleaned_data["area"]
    events = Paginator(events_upcoming_for(champion, kind=kind, area=area), EVENTS_PER_PAGE)
    page = events.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "events": page,
        "weeks": events_by_week(page.object_list),
        "query": f"{query.urlencode()}&" if query else "",
    }
    return render(request, "events/event_list.html", context)


@champion_required
def event_detail(request, champion, pk):
    event = _visible_event(champion, pk)
    return render(request, "events/event_detail.html", {"event": event})


def _visible_event(champion, pk):
    queryset = events_with_booked_count(events_visible_to(champion).select_related("area"))
    event = get_object_or_404(queryset, pk=pk)
    mine = (
        Registration.objects.filter(event=event, champion=champion).with_waiting_position().first()
    )
    event.my_registration = mine
    event.my_status = mine.status if mine else None
    event.my_registration_id = mine.pk if mine else None
    event.my_waiting_position = mine.waiting_position if mine else None
    return event


@require_POST
@champion_required
def event_book(request, champion, pk):
    event = _visible_event(champion, pk)
    try:
        registration = registration_book(event=event, champion=champion)
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
    return back(request, reverse("events:detail", args=[event.pk]))


@require_POST
@champion_required
def registration_cancel(request, champion, pk):
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=pk, champion=champion
    )
    was_waiting = registration.is_waiting
    try:
        registration_cancel_service(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"You have left the waiting list for “{registration.event.title}”."
            if was_waiting
            else f"Your booking on “{registration.event.title}” is cancelled.",
        )
    return back(request, reverse("events:mine"))


@champion_required
def event_ics(request, champion, pk):
    event = _visible_event(champion, pk)
    content = events_to_ical([event], name=event.title, url_for=event_url)
    return ics_response(content, event_filename(event))


@champion_required
def my_events(request, champion):
    return render(
        request,
        "events/my_events.html",
        {
            "upcoming": registrations_upcoming_for(champion),
            "past": registrations_past_for(champion),
            "prompts": registrations_to_log_for(champion),
        },
    )
