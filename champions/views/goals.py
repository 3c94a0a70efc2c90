"""The champion's goals: agreed with their coordinator, with progress notes; theirs only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ..access import champion_for_request
from ..forms.goals import GoalForm, GoalNoteForm
from ..models import Goal
from ..selectors.goals import goals_of
from ..services.goals import goal_create, goal_mark_achieved, goal_note_add


@login_required
@require_http_methods(["GET", "POST"])
def goals(request):
    champion = champion_for_request(request)
    form = GoalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        goal_create(champion=champion, by=request.user, **form.cleaned_data)
        messages.success(request, "Your goal is saved. Your coordinator can see it too.")
        return redirect("champions:goals")
    context = {
        "champion": champion,
        "goals": goals_of(champion),
        "form": form,
        "note_form": GoalNoteForm(),
    }
    return render(request, "champions/goals.html", context, status=400 if form.errors else 200)


def _own_goal(request, pk) -> Goal:
    return get_object_or_404(Goal, pk=pk, champion=champion_for_request(request))


@login_required
@require_POST
def goal_note(request, pk):
    goal = _own_goal(request, pk)
    form = GoalNoteForm(request.POST)
    if form.is_valid():
        goal_note_add(goal=goal, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Your note is added.")
    else:
        messages.error(request, "Write a note before saving it.")
    return redirect("champions:goals")


@login_required
@require_POST
def goal_achieved(request, pk):
    goal = goal_mark_achieved(goal=_own_goal(request, pk), by=request.user)
    messages.success(request, f"Well done: “{goal.title}” is achieved.")
    return redirect("champions:goals")
