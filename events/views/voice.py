"""A champion who ran a mapping session or focus group records the points parents raised."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from ..forms.voice import VoicePointForm
from ..models import Event, ParentVoiceItem
from ..services.voice import voice_point_record
from .base import champion_required


@champion_required
def voice_points(request, champion, pk):
    event = get_object_or_404(Event, pk=pk, organiser=champion.user_id)
    if not event.keeps_meeting_record or event.starts_at > timezone.now():
        raise Http404("Points are recorded after a mapping session or focus group.")
    form = VoicePointForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        voice_point_record(event=event, **form.cleaned_data)
        messages.success(request, "Point saved. Add the next one, or go back.")
        return redirect("events:voice", pk=event.pk)
    points = ParentVoiceItem.objects.filter(record__event=event).order_by("sort_order")
    return render(
        request,
        "events/voice_points.html",
        {"event": event, "form": form, "points": points},
        status=400 if form.is_bound else 200,
    )
