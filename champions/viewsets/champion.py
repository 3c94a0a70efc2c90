"""Champions in the admin: who they are, where they stand, and what they still need."""

import django_filters
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import BooleanRadioSelect, Button

from accounts.columns import ButtonsTitleColumn, CheckboxColumn, QuickTable, TextColumn
from accounts.widgets import QuickWidgetsFilterSetMixin

from ..choices import CheckKind
from ..models import Champion
from ..selectors.champions import (
    EXPIRING_SOON_DAYS,
    champion_for_staff,
    champions_for_listing,
    champions_ready_to_activate,
    champions_with_dbs_due,
    champions_with_expired_training,
)
from ..selectors.readiness import champion_readiness_gaps
from ..selectors.record import champion_staff_record
from ..selectors.supervision import supervisions_overdue
from ..selectors.training import training_modules_required
from ..selectors.welcome import enquiries_without_contact
from ..services.notices import champion_coordinator_notice
from ..views.admin.erase import EraseChampionView
from ..views.admin.stage import ChangeStageView
from .base import ProgrammeViewSet, SafeExportIndexView


class ChampionFilterSet(QuickWidgetsFilterSetMixin, WagtailFilterSet):
    ready = django_filters.BooleanFilter(
        label="Ready to activate", method="filter_ready", widget=BooleanRadioSelect
    )
    dbs_due = django_filters.BooleanFilter(
        label=f"DBS renewal due in {EXPIRING_SOON_DAYS} days (or overdue)",
        method="filter_dbs_due",
        widget=BooleanRadioSelect,
    )
    training_expired = django_filters.BooleanFilter(
        label="Training expired", method="filter_training_expired", widget=BooleanRadioSelect
    )
    awaiting_contact = django_filters.BooleanFilter(
        label="Enquiry waiting for first contact",
        method="filter_awaiting_contact",
        widget=BooleanRadioSelect,
    )
    supervision_overdue = django_filters.BooleanFilter(
        label="Supervision overdue", method="filter_supervision_overdue", widget=BooleanRadioSelect
    )
    needs_attention = django_filters.BooleanFilter(
        label="Needs attention", method="filter_needs_attention", widget=BooleanRadioSelect
    )

    class Meta:
        model = Champion
        fields = ["stage", "area"]

    @staticmethod
    def _include_or_exclude(queryset, subset, value):
        if value is None:
            return queryset
        pks = subset.values("pk")
        return queryset.filter(pk__in=pks) if value else queryset.exclude(pk__in=pks)

    def filter_ready(self, queryset, name, value):
        today = timezone.localdate()
        return self._include_or_exclude(
            queryset, champions_ready_to_activate(Champion.objects.all(), today), value
        )

    def filter_dbs_due(self, queryset, name, value):
        subset = champions_with_dbs_due(
            Champion.objects.all(), timezone.localdate(), EXPIRING_SOON_DAYS
        )
        return self._include_or_exclude(queryset, subset, value)

    def filter_training_expired(self, queryset, name, value):
        subset = champions_with_expired_training(Champion.objects.all(), timezone.localdate())
        return self._include_or_exclude(queryset, subset, value)

    def filter_awaiting_contact(self, queryset, name, value):
        subset = enquiries_without_contact(timezone.localdate())
        return self._include_or_exclude(queryset, subset, value)

    def filter_supervision_overdue(self, queryset, name, value):
        subset = supervisions_overdue(timezone.localdate())
        return self._include_or_exclude(queryset, subset, value)

    def filter_needs_attention(self, queryset, name, value):
        return self._include_or_exclude(
            queryset, Champion.objects.exclude(attention_needed=""), value
        )


class ChampionIndexView(SafeExportIndexView):
    # Tick champions to send them a message (the "Send a message" bulk action).
    template_name = "champions/admin/champion_index.html"
    table_class = QuickTable

    def get_base_queryset(self):
        return champions_for_listing(super().get_base_queryset())

    @cached_property
    def columns(self):
        # The name opens the champion's whole record (inspect), not the profile form.
        columns = super().columns
        columns[0] = self._get_title_column_class(ButtonsTitleColumn)(
            "preferred_name",
            label="Name",
            accessor=lambda champion: champion.display_name(),
            sort_key="preferred_name",
            get_url=lambda champion: reverse("champions_champion:inspect", args=[champion.pk]),
            get_title_id=lambda champion: f"champion_{champion.pk}_title",
        )
        return [CheckboxColumn("bulk_actions", obj_type="champion"), *columns]

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        # Wagtail's plain cells, drawn in Python (accounts/columns.py).
        if column_class is Column:
            column_class = TextColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


class ChampionInspectView(generic.InspectView):
    """The champion's whole record for staff: profile, checks, consents, training, history."""

    template_name = "champions/admin/champion_inspect.html"
    fields = [
        "preferred_name",
        "email",
        "stage",
        "area",
        "phone",
        "languages",
        "heard_about",
        "joined_on",
        "coordinator",
        "next_step",
        "next_step_due_on",
        "contacted_on",
        "staff_notes",
        "left_on",
    ]

    def get_object(self, queryset=None):
        try:
            return champion_for_staff(self.pk)
        except Champion.DoesNotExist as e:
            raise Http404 from e

    def get_field_label(self, field_name, field):
        return "E-mail" if field_name == "email" else super().get_field_label(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    "Change stage",
                    url=reverse("champions_champion:change_stage", args=[self.object.pk]),
                    icon_name="resubmit",
                    priority=5,
                )
            )
        if self.user_has_permission("erase") and self.object.anonymised_at is None:
            buttons.append(
                Button(
                    "Erase personal details",
                    url=reverse("champions_champion:erase", args=[self.object.pk]),
                    icon_name="bin",
                    priority=50,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        champion = self.object
        today = timezone.localdate()
        user = self.request.user
        records = list(champion.training_records.all())
        for record in records:
            record.shown_status = record.effective_status(today)
        context.update(
            today=today,
            gaps=champion_readiness_gaps(champion, training_modules_required(), today),
            checks=sorted(champion.checks.all(), key=lambda c: list(CheckKind).index(c.kind)),
            missing_checks=[
                k for k in CheckKind if k not in {c.kind for c in champion.checks.all()}
            ],
            records=records,
            consents=list(champion.consents.all()),
            notes=list(champion.supervision_notes.all())
            if user.has_perm("champions.view_supervisionnote")
            else None,
            history=list(champion.stage_changes.all()),
            **champion_staff_record(champion, today=today),
            can_add_check=user.has_perm("champions.add_onboardingcheck"),
            can_change_check=user.has_perm("champions.change_onboardingcheck"),
            can_add_record=user.has_perm("champions.add_trainingrecord"),
            can_change_record=user.has_perm("champions.change_trainingrecord"),
            can_add_note=user.has_perm("champions.add_supervisionnote"),
            can_change_stage=self.user_has_permission("change"),
        )
        return context


class ChampionEditView(generic.EditView):
    def save_instance(self):
        before = Champion.objects.filter(pk=self.object.pk).values_list("coordinator_id", flat=True)
        previous = before.first()
        instance = super().save_instance()
        if instance.coordinator_id and instance.coordinator_id != previous:
            champion_coordinator_notice(champion=instance)
        return instance


class ChampionViewSet(ProgrammeViewSet):
    """Champions: who they are, where they stand, and what they still need; stage changes."""

    model = Champion
    icon = "group"
    menu_label = "Champions"
    index_view_class = ChampionIndexView
    inspect_view_class = ChampionInspectView
    edit_view_class = ChampionEditView
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("preferred_name"),
                FieldPanel("area"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("languages")]),
                FieldPanel("heard_about"),
            ],
            heading="Profile",
        ),
        MultiFieldPanel(
            [
                FieldPanel("joined_on"),
                FieldPanel("coordinator"),
                FieldRowPanel([FieldPanel("next_step"), FieldPanel("next_step_due_on")]),
                FieldPanel("contacted_on"),
                FieldPanel("staff_notes"),
            ],
            heading="Programme",
        ),
    ]
    list_display = [
        "preferred_name",
        "user__email",
        "stage",
        "area",
        "training_progress",
        "dbs_renewal_due_on",
        TextColumn("attention_needed", label="Needs attention"),
    ]
    filterset_class = ChampionFilterSet
    search_fields = ["preferred_name", "user__first_name", "user__last_name", "user__email"]
    list_per_page = 50
    ordering = ["preferred_name", "pk"]
    list_export = [
        "display_name",
        "preferred_name",
        "user.email",
        "get_stage_display",
        "area",
        "training_progress",
        "dbs_renewal_due_on",
        "joined_on",
        "attention_needed",
    ]
    export_headings = {
        "display_name": "Name",
        "preferred_name": "Preferred name",
        "user.email": "E-mail",
        "get_stage_display": "Stage",
        "area": "Ward",
        "training_progress": "Required training in date",
        "dbs_renewal_due_on": "DBS renewal due",
        "joined_on": "Joined",
        "attention_needed": "Needs attention",
    }
    export_filename = "champions"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("stage/<int:pk>/", ChangeStageView.as_view(), name="change_stage"),
            path("erase/<int:pk>/", EraseChampionView.as_view(), name="erase"),
        ]
