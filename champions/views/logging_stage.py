"""The gate on the champion's activity and expense pages: only at a stage that logs activity
(`champion_logs_activity`); anyone else gets a 403 page saying when it applies."""

from functools import wraps

from django.shortcuts import render

from ..access import champion_for_request
from ..selectors.welcome import champion_not_logging_reason


def logging_stage_required(view):
    """Refuse the page (403, with a link to the dashboard) to a champion not at a logging stage."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        champion = champion_for_request(request)
        if reason := champion_not_logging_reason(champion):
            context = {"reason": reason, "champion": champion}
            return render(request, "champions/activity/not_yet.html", context, status=403)
        return view(request, *args, **kwargs)

    return wrapped
