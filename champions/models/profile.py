from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.choices import Channel
from accounts.models.fields import optional_link

from ..choices import CheckKind, ContactPreference, Stage
from .training import Progress, TrainingModule, training_progress


class Area(models.Model):
    """A ward or locality: where champions live and events take place."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "ward"
        verbose_name_plural = "wards"

    def __str__(self):
        return self.name


def champion_display_name(
    *, pk, preferred_name: str, first_name: str, last_name: str, area: str, full_name=True
) -> str:
    """The one rule for naming a champion wherever staff see one (admin, exports, digests,
    finance files) so that two champions are told apart: the full name (with the name they go
    by, if another), or, where it is not to be shown or is missing, the name they go by with
    area and short id ("Amina (Kursaal, #42)")."""
    name = f"{first_name} {last_name}".strip()
    if full_name and name:
        # Staff know many champions by the name they chose: "Margaret Jones (Peggy)".
        known_as = preferred_name.strip()
        return f"{name} ({known_as})" if known_as and known_as != first_name.strip() else name
    return f"{preferred_name} ({area or 'no area'}, #{pk})"


class Champion(models.Model):
    """A parent volunteer's profile, tied one-to-one to their user account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion"
    )
    preferred_name = models.CharField(max_length=80)
    area = optional_link(Area, related_name="champions", verbose_name="ward")
    phone = models.CharField(max_length=30, blank=True)
    contact_preference = models.CharField(
        "how they prefer to be contacted",
        max_length=10,
        choices=ContactPreference.choices,
        default=ContactPreference.EMAIL,
    )
    # For the site's own messages (e-mail or text): checked again when each is sent.
    preferred_channel = models.CharField(
        max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    languages = models.CharField(
        max_length=200, blank=True, help_text="Languages spoken, separated by commas."
    )
    heard_about = models.CharField("how they heard of the programme", max_length=200, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.ENQUIRY)
    joined_on = models.DateField(default=timezone.localdate)
    coordinator = optional_link(
        settings.AUTH_USER_MODEL,
        related_name="supervised_champions",
        limit_choices_to={"is_staff": True},
    )
    next_step = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown on the champion's dashboard, e.g. “Sam will call you”.",
    )
    next_step_due_on = models.DateField("next step by", null=True, blank=True)
    contacted_on = models.DateField(
        "first contact made on",
        null=True,
        blank=True,
        help_text="An enquiry with no contact after the days in Settings is flagged.",
    )
    staff_notes = models.TextField(blank=True, help_text="Seen by staff only.")
    # Set by the nightly check when an active champion's DBS or required training lapses.
    attention_needed = models.TextField(blank=True)
    left_on = models.DateField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["preferred_name", "pk"]
        # The staff listing's order: its first page reads 50 rows from the index instead of
        # joining and sorting every champion (30,000 at three times the benchmark's size).
        indexes = [models.Index(fields=["preferred_name", "id"], name="champion_name_order")]
        permissions = [
            ("override_readiness", "Can make a champion active who is not ready, with a reason"),
            ("erase_champion", "Can erase a champion's personal details, with a reason"),
        ]

    def __str__(self):
        return self.display_name()

    def display_name(self, *, full_name: bool = True) -> str:
        """The name that tells champions apart (champion_display_name). Needs `user` and `area`
        loaded: select_related("user", "area") in lists."""
        if self.anonymised_at:
            return self.preferred_name  # "Former champion 42": already unique, names no one
        return champion_display_name(
            pk=self.pk,
            preferred_name=self.preferred_name,
            first_name=self.user.first_name,
            last_name=self.user.last_name,
            area=self.area.name if self.area_id else "",
            full_name=full_name,
        )

    @property
    def email(self):
        return self.user.email

    email.fget.short_description = "e-mail"

    # The properties below read prefetched relations (selectors.champions.champions_for_listing),
    # so a listing costs no query per champion.

    @property
    def dbs_renewal_due_on(self):
        for check in self.checks.all():
            if check.kind == CheckKind.DBS:
                return check.renewal_due_on
        return None

    dbs_renewal_due_on.fget.short_description = "DBS renewal due"

    @property
    def training_progress(self) -> Progress:
        """Required modules valid today / required modules, e.g. "3 of 4"."""
        required = getattr(self, "required_modules_total", None)  # annotated by the selector
        if required is None:
            required = TrainingModule.objects.filter(required_for_activation=True).count()
        return training_progress(
            self.training_records.all(), required=required, today=timezone.localdate()
        )

    training_progress.fget.short_description = "training progress"


class StageChange(models.Model):
    """One move along the journey, kept for ever: from, to, when, by whom and why."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    reason = models.TextField(blank=True)
    overridden = models.BooleanField(
        default=False, help_text="Made active although the readiness rule was not met."
    )

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.champion}: {self.from_stage or '-'} → {self.to_stage}"
