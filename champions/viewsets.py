"""Wagtail admin for the champions programme: champions, their records, and training.

Staff rights come from model permissions (Wagtail's permission policies): coordinators
manage, viewers only look. Every save made here is also logged against the champion, so the
champion's history shows every change to their record.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminDateInput, BooleanRadioSelect, Button
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import services
from .choices import CheckKind, Stage, TrainingStatus
from .exports import SafeSpreadsheetExportMixin
from .models import (
    Area,
    Champion,
    Consent,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)
from .readiness import readiness_gaps
from .selectors import (
    EXPIRING_SOON_DAYS,
    champion_for_staff,
    champions_for_listing,
    champions_ready_to_activate,
    champions_with_dbs_due,
    champions_with_expired_training,
    champions_with_progress,
    required_modules,
)


# Cells starting with these are run as formulas by spreadsheet programs.
class LimitedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, but only for the listed actions: others are refused to everyone.

    Stage history and consents are changed through services (change stage, the champion's own
    consent page), never edited as rows, so that the record stays trustworthy.
    """

    def __init__(self, model, allowed_actions):
        super().__init__(model)
        self.allowed_actions = set(allowed_actions)

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action in self.allowed_actions]
        )


# Champions sign themselves up (which also records their first stage); erasure is anonymisation.
register_permission_policy(Champion, LimitedPermissionPolicy(Champion, {"change", "view"}))
register_permission_policy(StageChange, LimitedPermissionPolicy(StageChange, {"view"}))
register_permission_policy(Consent, LimitedPermissionPolicy(Consent, {"view"}))


class SafeExportIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """An index view whose CSV and XLSX exports cannot smuggle in spreadsheet formulas.

    `list_select_related` keeps listings and exports to a fixed number of queries.
    """

    list_select_related = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset


class ChampionRecordAuditMixin:
    """For views that save a champion's check, training record or note.

    Stamps who recorded it and logs the change against the champion as well as the row.
    """

    user_field = None
    audit_verb = "saved"

    def save_instance(self):
        if self.user_field:
            setattr(self.form.instance, self.user_field, self.request.user)
        instance = super().save_instance()
        log(
            instance=instance.champion,
            action="champions.record_change",
            user=self.request.user,
            data={
                "model": str(instance._meta.verbose_name),
                "id": instance.pk,
                "record": str(instance),
                "change": self.audit_verb,
            },
        )
        return instance


class ChampionChildCreateView(ChampionRecordAuditMixin, generic.CreateView):
    """Create view that starts with the champion given as ?champion=<id> (from their page)."""

    audit_verb = "added"

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        champion_id = self.request.GET.get("champion", "")
        if champion_id.isdigit() and Champion.objects.filter(pk=champion_id).exists():
            instance.champion_id = int(champion_id)
        return instance


class ChampionChildEditView(ChampionRecordAuditMixin, generic.EditView):
    audit_verb = "edited"


class ChampionChildDeleteView(generic.DeleteView):
    def delete_action(self):
        log(
            instance=self.object.champion,
            action="champions.record_change",
            user=self.request.user,
            data={
                "model": str(self.object._meta.verbose_name),
                "id": self.object.pk,
                "record": str(self.object),
                "change": "deleted",
            },
        )
        super().delete_action()


class ProgrammeViewSet(ModelViewSet):
    """Base for this app's viewsets: safe exports and related rows loaded with the listing."""

    index_view_class = SafeExportIndexView
    list_select_related = ()
    search_backend_name = None

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_select_related=self.list_select_related, **kwargs)


# Champions ----------------------------------------------------------------------------------


class ChampionFilterSet(WagtailFilterSet):
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

    def filter_needs_attention(self, queryset, name, value):
        return self._include_or_exclude(
            queryset, Champion.objects.exclude(attention_needed=""), value
        )


class ChampionIndexView(SafeExportIndexView):
    def get_base_queryset(self):
        return champions_for_listing(super().get_base_queryset())

    @cached_property
    def columns(self):
        # The name opens the champion's whole record (inspect), not the profile form.
        columns = super().columns
        columns[0] = self._get_title_column_class(TitleColumn)(
            "preferred_name",
            label="Name",
            sort_key="preferred_name",
            get_url=lambda champion: reverse("champion:inspect", args=[champion.pk]),
        )
        return columns


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
                    url=reverse("champion:change_stage", args=[self.object.pk]),
                    icon_name="resubmit",
                    priority=5,
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
            gaps=readiness_gaps(champion, required_modules(), today),
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
            can_add_check=user.has_perm("champions.add_onboardingcheck"),
            can_change_check=user.has_perm("champions.change_onboardingcheck"),
            can_add_record=user.has_perm("champions.add_trainingrecord"),
            can_change_record=user.has_perm("champions.change_trainingrecord"),
            can_add_note=user.has_perm("champions.add_supervisionnote"),
            can_change_stage=self.user_has_permission("change"),
        )
        return context


class ChangeStageForm(forms.Form):
    to_stage = forms.ChoiceField(label="New stage", choices=Stage.choices)
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when overriding the readiness rule.",
    )
    override = forms.BooleanField(
        label="Make active although not ready",
        required=False,
        help_text="Only for staff allowed to override the readiness rule; give the reason.",
    )

    def __init__(self, *args, champion, can_override, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            (value, label) for value, label in Stage.choices if value != champion.stage
        ]
        if not can_override:
            del self.fields["override"]


class ChangeStageView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Move a champion to another stage; becoming active is blocked until they are ready."""

    model = Champion
    permission_required = "change"
    template_name = "champions/admin/change_stage.html"
    page_title = "Change stage"
    header_icon = "resubmit"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(champions_with_progress(), pk=kwargs["pk"])

    @cached_property
    def can_override(self):
        return self.request.user.has_perm("champions.override_readiness")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("champion:index"), "label": "Champions"},
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def inspect_url(self):
        return reverse("champion:inspect", args=[self.object.pk])

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "champion": self.object,
            "can_override": self.can_override,
        }

    def get_form_class(self):
        return ChangeStageForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            gaps=readiness_gaps(self.object, required_modules(), timezone.localdate()),
            can_override=self.can_override,
            action_url=self.request.path,
            submit_button_label="Change stage",
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.champion_change_stage(
                champion=self.object,
                to_stage=data["to_stage"],
                by=self.request.user,
                reason=data["reason"],
                override=data.get("override", False),
            )
        except services.NotReady:
            form.add_error(None, "Not ready to become active: see what is missing above.")
            if self.can_override:
                form.add_error("override", "Tick this and give a reason to override.")
            return self.form_invalid(form)
        except PermissionDenied:
            form.add_error(None, "You may not override the readiness rule.")
            return self.form_invalid(form)
        except ValidationError as e:
            form.add_error("reason" if data.get("override") else None, e)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.object} is now “{Stage(data['to_stage']).label}”.")
        return redirect(self.inspect_url)


class ChampionViewSet(ProgrammeViewSet):
    """Champions: who they are, where they stand, and what they still need; stage changes."""

    model = Champion
    icon = "group"
    menu_label = "Champions"
    index_view_class = ChampionIndexView
    inspect_view_class = ChampionInspectView
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
            [FieldPanel("joined_on"), FieldPanel("coordinator"), FieldPanel("staff_notes")],
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
        Column("attention_needed", label="Needs attention"),
    ]
    filterset_class = ChampionFilterSet
    search_fields = ["preferred_name", "user__first_name", "user__last_name", "user__email"]
    list_per_page = 50
    ordering = ["preferred_name", "pk"]
    list_export = [
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
        "preferred_name": "Name",
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
        ]


# Onboarding checks, consents, supervision, stage history -----------------------------------


class OnboardingCheckForm(WagtailAdminModelForm):
    """Takes the full DBS certificate number but stores only its last four digits."""

    certificate_number = forms.CharField(
        label="DBS certificate number",
        required=False,
        help_text="Enter the full 12-digit number to check it; only the last 4 digits are kept.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    class Meta:
        model = OnboardingCheck
        fields = ["champion", "kind", "status", "completed_on", "renewal_due_on", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.certificate_last4:
            self.fields["certificate_number"].help_text = (
                f"On file: {self.instance.certificate_masked}. Enter a new full number to "
                "replace it; leave blank to keep it."
            )

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("certificate_number", "").strip()
        kind = cleaned.get("kind")
        if number:
            if kind != CheckKind.DBS:
                self.add_error("certificate_number", "Only a DBS check has a certificate number.")
            else:
                try:
                    cleaned["certificate_last4"] = services.mask_certificate_number(number)
                except ValidationError as e:
                    self.add_error("certificate_number", e)
        if kind == CheckKind.DBS and cleaned.get("status") == "complete":
            if not cleaned.get("completed_on"):
                self.add_error("completed_on", "Enter the DBS certificate's issue date.")
            if not cleaned.get("renewal_due_on"):
                self.add_error("renewal_due_on", "Enter when the DBS check must be renewed.")
        completed, renewal = cleaned.get("completed_on"), cleaned.get("renewal_due_on")
        if completed and renewal and renewal <= completed:
            self.add_error("renewal_due_on", "The renewal date must be after the issue date.")
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("certificate_last4"):
            self.instance.certificate_last4 = self.cleaned_data["certificate_last4"]
        return super().save(commit=commit)


class OnboardingCheckCreateView(ChampionChildCreateView):
    user_field = "recorded_by"


class OnboardingCheckEditView(ChampionChildEditView):
    user_field = "recorded_by"


class OnboardingCheckViewSet(ProgrammeViewSet):
    """Pre-activation checks (DBS, references, agreement, ID) per champion."""

    model = OnboardingCheck
    icon = "success"
    menu_label = "Onboarding checks"
    add_view_class = OnboardingCheckCreateView
    edit_view_class = OnboardingCheckEditView
    delete_view_class = ChampionChildDeleteView
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("champion"),
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

    list_select_related = ["champion", "recorded_by"]


class SupervisionNoteCreateView(ChampionChildCreateView):
    user_field = "author"


class SupervisionNoteEditView(ChampionChildEditView):
    user_field = None


class SupervisionNoteViewSet(ProgrammeViewSet):
    """Coordinators' dated supervision notes (check-ins, wellbeing, goals); coordinators only."""

    model = SupervisionNote
    icon = "comment"
    menu_label = "Supervision notes"
    add_view_class = SupervisionNoteCreateView
    edit_view_class = SupervisionNoteEditView
    delete_view_class = ChampionChildDeleteView
    inspect_view_enabled = True
    form_fields = ["champion", "held_on", "kind", "note"]
    list_display = ["champion", "held_on", "kind", "author"]
    list_filter = ["kind", "champion", "author"]
    search_fields = ["champion__preferred_name", "note"]
    list_export = ["champion", "held_on", "get_kind_display", "author", "note"]
    export_headings = {"get_kind_display": "Kind"}
    export_filename = "supervision-notes"

    list_select_related = ["champion", "author"]


class ConsentViewSet(ProgrammeViewSet):
    """Consents as champions gave and withdrew them: read only here, champions manage them."""

    model = Consent
    icon = "doc-full"
    menu_label = "Consents"
    inspect_view_enabled = True
    form_fields = ["champion", "kind", "given_at", "wording_version"]
    list_display = ["champion", "kind", "given_at", "wording_version", "expires_at", "withdrawn_at"]
    list_filter = ["kind", "champion"]
    search_fields = ["champion__preferred_name"]
    list_export = [
        "champion",
        "get_kind_display",
        "given_at",
        "wording_version",
        "expires_at",
        "withdrawn_at",
    ]
    export_headings = {"get_kind_display": "Consent"}
    export_filename = "consents"

    list_select_related = ["champion"]


class StageChangeViewSet(ProgrammeViewSet):
    """Every move along the journey, with who, when and why; read only (use "Change stage")."""

    model = StageChange
    icon = "history"
    menu_label = "Stage history"
    inspect_view_enabled = True
    form_fields = ["champion", "to_stage", "reason"]
    list_display = ["champion", "from_stage", "to_stage", "changed_at", "changed_by", "overridden"]
    list_filter = ["to_stage", "overridden", "champion"]
    search_fields = ["champion__preferred_name", "reason"]
    ordering = ["-changed_at", "-pk"]
    list_export = [
        "champion",
        "get_from_stage_display",
        "get_to_stage_display",
        "changed_at",
        "changed_by",
        "reason",
        "overridden",
    ]
    export_headings = {"get_from_stage_display": "From", "get_to_stage_display": "To"}
    export_filename = "stage-history"

    list_select_related = ["champion", "changed_by"]


# Training -----------------------------------------------------------------------------------


class TrainingModuleViewSet(ProgrammeViewSet):
    """The training catalogue: modules, hours, validity and which are required to activate."""

    model = TrainingModule
    icon = "clipboard-list"
    menu_label = "Training modules"
    inspect_view_enabled = True
    form_fields = [
        "title",
        "description",
        "category",
        "hours",
        "required_for_activation",
        "validity_months",
        "display_order",
    ]
    list_display = [
        "title",
        "category",
        "hours",
        "required_for_activation",
        "validity_months",
        "display_order",
    ]
    list_filter = ["category", "required_for_activation"]
    search_fields = ["title", "description"]
    ordering = ["display_order", "title"]
    list_export = [
        "title",
        "get_category_display",
        "hours",
        "required_for_activation",
        "validity_months",
    ]
    export_headings = {"get_category_display": "Category"}
    export_filename = "training-modules"


class TrainingRecordForm(WagtailAdminModelForm):
    class Meta:
        model = TrainingRecord
        fields = ["champion", "module", "status", "completed_on"]

    def clean(self):
        cleaned = super().clean()
        status, completed_on = cleaned.get("status"), cleaned.get("completed_on")
        if status in (TrainingStatus.COMPLETED, TrainingStatus.EXPIRED) and not completed_on:
            self.add_error("completed_on", "Enter the date the module was completed.")
        if completed_on and completed_on > timezone.localdate():
            self.add_error("completed_on", "The completion date cannot be in the future.")
        return cleaned


class TrainingRecordCreateView(ChampionChildCreateView):
    user_field = "verified_by"


class TrainingRecordEditView(ChampionChildEditView):
    user_field = "verified_by"


class TrainingRecordIndexView(SafeExportIndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.user_has_permission("add"):
            buttons.append(
                Button(
                    "Record completions",
                    url=reverse("training_completions:index"),
                    icon_name="tick",
                    priority=20,
                )
            )
        return buttons


class TrainingRecordViewSet(ProgrammeViewSet):
    """Each champion's progress through each module; expiry follows from the module."""

    model = TrainingRecord
    icon = "tasks"
    menu_label = "Training records"
    add_view_class = TrainingRecordCreateView
    edit_view_class = TrainingRecordEditView
    delete_view_class = ChampionChildDeleteView
    index_view_class = TrainingRecordIndexView
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [FieldPanel(name) for name in TrainingRecordForm.Meta.fields],
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

    list_select_related = ["champion", "module", "verified_by"]


class ChampionCheckboxes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        area = f", {obj.area}" if obj.area else ""
        return f"{obj.preferred_name} ({obj.get_stage_display()}{area})"


class BulkCompletionForm(forms.Form):
    module = forms.ModelChoiceField(queryset=TrainingModule.objects.all(), label="Module")
    completed_on = forms.DateField(label="Completed on", widget=AdminDateInput)
    champions = ChampionCheckboxes(
        queryset=Champion.objects.exclude(stage=Stage.ALUMNI).select_related("area"),
        widget=forms.CheckboxSelectMultiple,
        label="Champions who completed it",
        error_messages={"required": "Tick at least one champion."},
    )

    def clean_completed_on(self):
        completed_on = self.cleaned_data["completed_on"]
        if completed_on > timezone.localdate():
            raise ValidationError("The completion date cannot be in the future.")
        return completed_on


class BulkCompletionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """One screen to record that many champions completed a module on a date."""

    model = TrainingRecord
    permission_required = "add"
    template_name = "champions/admin/bulk_completions.html"
    page_title = "Record training completions"
    header_icon = "tick"
    form_class = BulkCompletionForm

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("trainingrecord:index"), "label": "Training records"},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return {"completed_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path, submit_button_label="Record completions", **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        records = services.training_completions_record(
            module=data["module"],
            completed_on=data["completed_on"],
            champions=data["champions"],
            verified_by=self.request.user,
        )
        messages.success(
            self.request,
            f"Recorded “{data['module']}” completed on {data['completed_on']:%-d %B %Y} "
            f"for {len(records)} champion{'s' if len(records) != 1 else ''}.",
        )
        return redirect(reverse("trainingrecord:index") + f"?module={data['module'].pk}")


class BulkCompletionViewSet(ViewSet):
    """Menu entry and URL for the bulk "record completions" screen."""

    name = "training_completions"
    icon = "tick"
    menu_label = "Record completions"

    def get_urlpatterns(self):
        return [path("", BulkCompletionView.as_view(), name="index")]

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class PermittedMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm("champions.add_trainingrecord")

        return PermittedMenuItem


class AreaViewSet(ProgrammeViewSet):
    """Wards: where champions live and events take place."""

    model = Area
    icon = "site"
    menu_label = "Wards"
    form_fields = ["name", "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    list_export = ["name", "slug"]
    export_filename = "wards"


class ChampionsViewSetGroup(ModelViewSetGroup):
    """The "Champions" admin menu: the programme's people, their checks and training."""

    menu_label = "Champions"
    menu_icon = "group"
    menu_order = 200
    items = (
        ChampionViewSet("champion"),
        OnboardingCheckViewSet("onboardingcheck"),
        TrainingRecordViewSet("trainingrecord"),
        BulkCompletionViewSet(),
        TrainingModuleViewSet("trainingmodule"),
        SupervisionNoteViewSet("supervisionnote"),
        ConsentViewSet("consent"),
        StageChangeViewSet("stagechange"),
        AreaViewSet("area"),
    )
