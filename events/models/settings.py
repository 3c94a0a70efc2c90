from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="date")
class EventsSettings(BaseGenericSetting):
    """Rules for events that programme staff change in Settings, without a deploy."""

    meeting_quorum_parents = models.PositiveSmallIntegerField(
        "parents needed for a quorum",
        default=2,
        validators=[MinValueValidator(1)],
        help_text="A co-production meeting is quorate with at least this many parents present "
        "(champions marked present and parent walk-ins).",
    )
    event_reminder_hours = models.PositiveSmallIntegerField(
        "hours before an event to remind",
        default=48,
        validators=[MinValueValidator(1)],
        help_text="Booked champions are e-mailed a reminder this many hours before it starts.",
    )

    panels = [FieldPanel("meeting_quorum_parents"), FieldPanel("event_reminder_hours")]

    class Meta:
        verbose_name = "events settings"
