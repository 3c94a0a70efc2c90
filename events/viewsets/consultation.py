"""Consultations in the admin: build the questions in order, see the response count.

Every screen here (listing and its downloads, building and publishing, results, tagging)
answers 403 to a signed-in user without the permission, not Wagtail's redirect home."""

from django import forms
from django.db.models import Count
from django.urls import path, reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from accounts.admin_denied import refuses_with_403
from champions.exports import SafeSpreadsheetExportMixin

from ..models import Consultation
from ..views.admin.consultations import (
    AnswerTagView,
    ConsultationResultsView,
    ConsultationThemesView,
)

QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("kind"), FieldPanel("required"), FieldPanel("published")]),
    FieldPanel("text"),
    FieldPanel("help_text"),
    FieldPanel("options"),
    FieldPanel("allow_other"),
    FieldRowPanel(
        [
            FieldPanel("scale_points"),
            FieldPanel("scale_low_label"),
            FieldPanel("scale_high_label"),
        ],
        heading="Rating scale",
    ),
]


class ConsultationIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(response_count=Count("responses"))

    def get_list_more_buttons(self, instance):
        results = reverse("events_consultation:results", args=[instance.pk])
        return [
            *super().get_list_more_buttons(instance),
            ListingButton("Results", url=results, icon_name="list-ul", priority=5),
        ]


class ConsultationViewSet(ModelViewSet):
    """Consultations and surveys: what they ask, who they are for and when they are open."""

    model = Consultation
    name = "events_consultation"
    url_prefix = "consultations"
    icon = "list-ul"
    menu_label = "Consultations"
    index_view_class = ConsultationIndexView
    ordering = ["-opens_at"]
    search_fields = ["title", "purpose"]
    list_filter = ["areas"]
    list_display = [
        "title",
        DateColumn("opens_at", label="Opens"),
        DateColumn("closes_at", label="Closes"),
        Column("response_count", label="Responses", sort_key="response_count"),
    ]
    list_export = ["title", "audience", "opens_at", "closes_at", "response_count"]
    export_filename = "consultations"
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("purpose"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading="Open"),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("consent_statement"),
        MultiFieldPanel(
            [InlinePanel("questions", label="Question", panels=QUESTION_PANELS)],
            heading="Questions, in order",
        ),
    ]

    def construct_view(self, view_class, **kwargs):
        # Add, edit (where questions are published), delete, copy, history: the 403 page too.
        return refuses_with_403(super().construct_view(view_class, **kwargs))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "results/<int:pk>/",
                ConsultationResultsView.as_view(
                    index_url_name=self.get_url_name("index"),
                    edit_url_name=self.get_url_name("edit"),
                ),
                name="results",
            ),
            path("themes/", ConsultationThemesView.as_view(), name="themes"),
            path(
                "answers/<int:pk>/tag/",
                AnswerTagView.as_view(results_url_name=self.get_url_name("results")),
                name="tag",
            ),
        ]
