"""Consents in the admin: read only, as champions gave and withdrew them."""

from ..models import Consent
from .base import ProgrammeViewSet


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

    list_select_related = ["champion__user", "champion__area"]
