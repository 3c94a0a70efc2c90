"""The events app's admin: one viewset per module, grouped into the "Events" menu.

wagtail_hooks.py registers the group. Admin URL namespaces are `events_<model>`; each keeps
the URL path it had (`url_prefix`).
"""

from wagtail.admin.viewsets.model import ModelViewSetGroup

from .consultation import ConsultationViewSet
from .event import EventViewSet
from .meeting_record import MeetingRecordViewSet
from .open_action import OpenActionViewSet
from .parent_voice import ParentVoiceViewSet


class EventsViewSetGroup(ModelViewSetGroup):
    """The Events menu: events, meeting records, open actions, consultations and parent voice."""

    menu_label = "Events"
    menu_icon = "date"
    menu_order = 220
    items = (
        EventViewSet,
        MeetingRecordViewSet,
        OpenActionViewSet,
        ConsultationViewSet,
        ParentVoiceViewSet,
    )
