from wagtail.admin.panels import Panel

from .selectors import meeting_quorum


class QuorumPanel(Panel):
    """Shows on a meeting record whether its meeting was quorate, from the attendance register."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/quorum_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance.event if self.instance.event_id else None
            context["event"] = event
            context["quorum"] = meeting_quorum(event) if event else None
            return context
