"""The champion's own messages: every e-mail and text the site sent them."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import champion_for_request
from ..selectors.messages import champion_messages


@login_required
@require_GET
def messages_list(request):
    champion = champion_for_request(request)
    page = Paginator(champion_messages(champion), 20).get_page(request.GET.get("page"))
    return render(request, "champions/messages.html", {"champion": champion, "page": page})
