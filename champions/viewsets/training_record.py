"""Training records in the admin: each champion's progress through each module."""

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import Button

from ..forms.training import TrainingRecordForm
from ..models import TrainingRecord
from .base import ChampionRecordViewSet, SafeExportIndexView
from .champion_chooser import form_panels


class TrainingRecordIndexView(SafeExportIndexView):
    """The listing, with a button to record completions for many champions at once."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.user_has_permission("add"):
            buttons.append(
                Button(
                    "Record completions",
                    url=reverse("champions_training_completions:index"),
                    icon_name="tick",
                    priority=20,
                )
            )
        return buttons


class TrainingRecordViewSet(ChampionRecordViewSet):
    """Each champion's progress through each module; expiry follows from the module."""

    model = TrainingRecord
    icon = "tasks"
    menu_label = "Training records"
    user_field = "verified_by"
    index_view_class = TrainingRecordIndexView
    edit_handler = ObjectList(
        form_panels(TrainingRecordForm),
        base_form_class=TrainingRecordForm,
    )
    list_display = ["champion", "module", "status", "completed_on", "expires_on", "verified_by"]
    list_filter = ["status", "module", "champion"]
    search_fields = ["champion__preferred_name", "module__title"]
    list_export = [
        "champion",
        "module",
        "get_status_display",
        "completed_on",
        "expires_on",
        "verified_by",
    ]
    export_headings = {"get_status_display": "Status"}
    export_filename = "training-records"

    list_select_related = ["champion__user", "champion__area", "module", "verified_by"]
