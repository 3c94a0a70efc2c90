from django.conf import settings
from django.db import models
from django.utils import timezone

from .factors import ProtectiveFactor
from .profile import Champion


class GoalQuerySet(models.QuerySet):
    def seen_by(self, user):
        """Goals this user may see: their own as a champion, or their champions' as coordinator."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Q(champion__user=user) | models.Q(champion__coordinator=user))


class Goal(models.Model):
    """A goal a champion agrees with their coordinator ("speak at a co-production meeting"),
    with a target date, the protective factor or skill it builds, and progress notes. Only the
    champion and their coordinator see it."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField("goal", max_length=200)
    target_on = models.DateField("target date", null=True, blank=True)
    factor = models.ForeignKey(
        ProtectiveFactor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="protective factor",
    )
    skill = models.CharField(max_length=100, blank=True, help_text="e.g. public speaking")
    achieved_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["achieved_on", "target_on", "pk"]

    def __str__(self):
        return self.title


class GoalNote(models.Model):
    """A dated progress note on a goal, by the champion or their coordinator."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="notes")
    written_at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField("progress note", max_length=2000)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self):
        return f"Note on {self.goal}"
