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
