"""Onboarding checks in the admin: DBS, references, agreement and ID, per champion."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column

from ..forms.onboarding import OnboardingCheckForm
from ..models import OnboardingCheck
from .base import ChampionRecordViewSet
from .champion_chooser import panel


class OnboardingCheckViewSet(ChampionRecordViewSet):
    """Pre-activation checks (DBS, references, agreement, ID) per champion."""

    model = OnboardingCheck
    icon = "success"
    menu_label = "Onboarding checks"
    user_field = "recorded_by"
    edit_handler = ObjectList(
        [
            panel("champion"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
            FieldRowPanel([FieldPanel("completed_on"), FieldPanel("renewal_due_on")]),
            FieldPanel("certificate_number"),
            FieldPanel("notes"),
        ],
        base_form_class=OnboardingCheckForm,
    )
    list_display = [
        "champion",
        "kind",
        "status",
        "completed_on",
        "renewal_due_on",
        Column("certificate_masked", label="Certificate"),
        "recorded_by",
    ]
    list_filter = ["kind", "status", "champion"]
    search_fields = ["champion__preferred_name", "champion__user__email"]
    list_export = [
        "champion",
        "get_kind_display",
        "get_status_display",
        "completed_on",
        "renewal_due_on",
        "certificate_masked",
    ]
    export_headings = {
        "get_kind_display": "Check",
        "get_status_display": "Status",
        "certificate_masked": "Certificate",
    }
    export_filename = "onboarding-checks"

    list_select_related = ["champion__user", "champion__area", "recorded_by"]
