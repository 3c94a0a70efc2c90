"""Requests no page can answer: a NUL byte in the path or query string is a 400, at once.

PostgreSQL refuses NUL in any text value, so a `?tag=%00` would otherwise reach a query and
fail there. This is one layer: forms and views still validate what they read.
"""

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest


def has_nul(request) -> bool:
    """True when the path or the query string carries a NUL byte, however it is encoded."""
    query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path or b"\x00" in unquote_to_bytes(query.replace("+", " "))


class RejectNulBytesMiddleware:
    """Answers 400 Bad Request to a path or query string with a NUL byte in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            return HttpResponseBadRequest(
                "Bad request: the address contains a null character.", content_type="text/plain"
            )
        return self.get_response(request)


def has_bad_bulk_ids(request) -> bool:
    """True when Wagtail's bulk-action view would be handed ids that are not whole numbers.

    Wagtail passes `?id=` straight to `pk__in`, so `?id=abc` raises inside the query (a 500);
    every model with bulk actions here has integer keys. "all" is Wagtail's select-all."""
    match = request.resolver_match
    if match is None or match.url_name != "wagtail_bulk_action":
        return False
    values = request.GET.getlist("id") + request.GET.getlist("childOf")
    return any(not (value.isascii() and value.isdigit()) and value != "all" for value in values)


class RejectBadBulkIdsMiddleware:
    """Answers 400 Bad Request to a Wagtail bulk action asked for ids that cannot exist."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if has_bad_bulk_ids(request):
            return HttpResponseBadRequest(
                "Bad request: the items to act on must be given by number.",
                content_type="text/plain",
            )
        return None
