"""The "Record completions" menu entry and URL (a screen, not a model listing)."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from ..views.admin.training import BulkCompletionView


class PermittedMenuItem(MenuItem):
    """Shown only to staff who may add training records."""

    def is_shown(self, request):
        return request.user.has_perm("champions.add_trainingrecord")


class BulkCompletionViewSet(ViewSet):
    """Menu entry and URL for the bulk "record completions" screen."""

    name = "champions_training_completions"
    url_prefix = "training_completions"
    icon = "tick"
    menu_label = "Record completions"
    menu_item_class = PermittedMenuItem

    def get_urlpatterns(self):
        return [path("", BulkCompletionView.as_view(), name="index")]
