"""The champion's forms on "My goals": a new goal and a progress note."""

from django import forms

from ..models import Goal, GoalNote


class GoalForm(forms.ModelForm):
    """A new goal, agreed with the coordinator."""

    class Meta:
        model = Goal
        fields = ["title", "target_on", "factor", "skill"]
        widgets = {"target_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"title": "Your goal"}
        help_texts = {"title": "e.g. speak at a co-production meeting"}


class GoalNoteForm(forms.ModelForm):
    """How a goal is going."""

    class Meta:
        model = GoalNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "How is it going?"}
