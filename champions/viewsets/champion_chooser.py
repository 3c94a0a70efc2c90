"""A chooser for champions: a searchable, paginated modal instead of a drop-down of everyone.

Registered as the widget of every admin form field that links to a champion (activity logs,
expense claims, training records, checks, supervision notes).
"""

from django import forms
from django.db.models import Q
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from ..models import Champion


class ChampionSearchForm(BaseFilterForm):
    """Search by name or e-mail address (a database search: champions are not in the index)."""

    q = forms.CharField(
        label="Search term",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Name or e-mail address"}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            objects = objects.filter(
                Q(preferred_name__icontains=query) | Q(user__email__icontains=query)
            )
            self.is_searching, self.search_query = True, query
        return objects


class _ChampionListing:
    filter_form_class = ChampionSearchForm
    per_page = 20

    def get_object_list(self):
        return Champion.objects.select_related("user", "area").order_by("preferred_name", "pk")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("email", label="E-mail", accessor="user.email"),
            Column("area", label="Ward", accessor="area"),
            Column("stage", label="Stage", accessor="get_stage_display"),
        ]


class ChampionChooseView(_ChampionListing, ChooseView):
    pass


class ChampionChooseResultsView(_ChampionListing, ChooseResultsView):
    pass


class ChampionChooserViewSet(ChooserViewSet):
    """Choose a champion in admin forms, searching by name or e-mail."""

    model = Champion
    icon = "user"
    choose_one_text = "Choose a champion"
    choose_another_text = "Choose another champion"
    edit_item_text = "Edit this champion"
    choose_view_class = ChampionChooseView
    choose_results_view_class = ChampionChooseResultsView


champion_chooser_viewset = ChampionChooserViewSet("champion_chooser")


def panel(name: str, widget=None) -> FieldPanel:
    """A form panel for field `name`; a link to a champion gets the chooser."""
    if name == "champion":
        widget = champion_chooser_viewset.widget_class
    return FieldPanel(name, widget=widget)


def form_panels(form_class) -> list[FieldPanel]:
    """Panels for the form's fields in order, keeping its widgets (Wagtail's panel widgets
    replace the form's own), with the chooser for the champion."""
    widgets = getattr(form_class.Meta, "widgets", {})
    return [panel(name, widgets.get(name)) for name in form_class.Meta.fields]
