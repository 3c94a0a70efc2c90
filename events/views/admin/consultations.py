"""Staff screens for one consultation: its results (counts, chart, table, free text with tags,
filters, downloads) and tagging a free-text answer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.admin_denied import AdminRefusesWith403Mixin
from champions.models import ProtectiveFactor

from ...exports.consultations import response_rows, spreadsheet_response, summary_rows
from ...forms.consultations import AnswerTagForm, ResultsFilterForm
from ...models import Consultation, ConsultationAnswer
from ...selectors.consultations import (
    consultation_free_text_page,
    consultation_responses,
    consultation_results,
    consultation_themes,
)
from ...services.consultations import consultation_answer_tag

FREE_TEXT_PAGE = 50


class ConsultationResultsView(AdminRefusesWith403Mixin, WagtailAdminTemplateMixin, TemplateView):
    """Per question: "% (n) of N who answered" and of all respondents, a bar chart with a table,
    and the free-text answers to tag. Filters by area and channel; CSV/XLSX downloads."""

    page_title = "Results"
    header_icon = "list-ul"
    template_name = "events/admin/consultation_results.html"
    index_url_name = ""
    edit_url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_consultation"):
            raise PermissionDenied
        self.consultation = get_object_or_404(Consultation, pk=kwargs["pk"])
        self.filters = ResultsFilterForm(request.GET or None)
        cleaned = self.filters.cleaned_data if self.filters.is_valid() else {}
        self.area, self.channel = cleaned.get("area"), cleaned.get("channel", "")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        export_format = request.GET.get("export")
        if export_format in ("csv", "xlsx"):
            return self.export(export_format, request.GET.get("what", "summary"))
        return super().get(request, *args, **kwargs)

    def export(self, export_format, what):
        slug = self.consultation.slug
        if what == "responses":
            responses = consultation_responses(
                self.consultation, area=self.area, channel=self.channel
            )
            rows = response_rows(self.consultation, responses)
            return spreadsheet_response(
                rows, filename=f"{slug}-responses", export_format=export_format
            )
        results = consultation_results(self.consultation, area=self.area, channel=self.channel)
        return spreadsheet_response(
            summary_rows(results), filename=f"{slug}-summary", export_format=export_format
        )

    def get_page_subtitle(self):
        return str(self.consultation)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Consultations"},
            {
                "url": reverse(self.edit_url_name, args=[self.consultation.pk]),
                "label": str(self.consultation),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        free_text = consultation_free_text_page(
            self.consultation,
            area=self.area,
            channel=self.channel,
            page=self.request.GET.get("page"),
            size=FREE_TEXT_PAGE,
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            consultation=self.consultation,
            results=consultation_results(self.consultation, area=self.area, channel=self.channel),
            filters=self.filters,
            free_text=free_text,
            factors=list(ProtectiveFactor.objects.all()),
            query=query.urlencode(),
            can_tag=self.request.user.has_perm("events.change_consultationanswer"),
            **kwargs,
        )


class AnswerTagView(AdminRefusesWith403Mixin, TemplateView):
    """Saves the tags of one free-text answer, then goes back to the results."""

    http_method_names = ["post"]
    results_url_name = ""

    def post(self, request, pk):
        if not request.user.has_perm("events.change_consultationanswer"):
            raise PermissionDenied
        answer = get_object_or_404(ConsultationAnswer.objects.select_related("response"), pk=pk)
        form = AnswerTagForm(request.POST)
        if form.is_valid():
            consultation_answer_tag(
                answer=answer,
                theme=form.cleaned_data["theme"],
                factors=form.cleaned_data["factors"],
                approved=form.cleaned_data["approved"],
            )
            messages.success(request, "Tags saved.")
        else:
            messages.error(request, "Tags not saved: " + form.errors.as_text())
        url = reverse(self.results_url_name, args=[answer.response.consultation_id])
        return redirect(f"{url}?{request.POST.get('return_query', '')}#answer-{answer.pk}")


class ConsultationThemesView(AdminRefusesWith403Mixin, WagtailAdminTemplateMixin, TemplateView):
    """Themes tagged on free-text answers across consultations, with the outcomes they led to:
    the consultation half of the parent-voice listing."""

    page_title = "Consultation themes"
    header_icon = "openquote"
    template_name = "events/admin/consultation_themes.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_consultation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        themes = consultation_themes()
        if self.request.GET.get("answered") == "no":
            themes = [t for t in themes if not t.outcomes]
        return super().get_context_data(themes=themes, **kwargs)
