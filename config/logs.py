"""One log line per request, and the request id on Sentry's error reports.

Settings format every line as JSON and add the request id (django-guid) to it; a task's line is
written by config/celery.py. Lines carry the user's id, never their e-mail or name, and the path
without its query string (a search box may hold an e-mail address).
"""

import logging
import time

from django_guid import get_guid

logger = logging.getLogger("config.requests")


class RequestLogMiddleware:
    """Logs each request once it is answered: method, path, status, user id and duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        user = getattr(request, "user", None)
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


def sentry_before_send(event, hint):
    """Tags each error report with the request (or task) id that its log lines carry, and
    drops what may hold personal data: the query string, form data and cookies."""
    request_id = get_guid()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    for field in ("query_string", "data", "cookies"):
        event.get("request", {}).pop(field, None)
    return event
