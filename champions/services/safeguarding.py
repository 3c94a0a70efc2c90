"""Writes for safeguarding: a champion confirms they have read the current policy."""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from .. import audit
from ..models import ChampionsSettings, PolicyConfirmation


@transaction.atomic
def policy_confirm(*, champion, version: str, by=None) -> PolicyConfirmation:
    """Record that the champion read this version; only the current version can be confirmed,
    and confirming it again changes nothing."""
    if not version or version != ChampionsSettings.load().safeguarding_policy_version:
        raise ValidationError("The safeguarding policy has changed: please read the new version.")
    confirmation, created = PolicyConfirmation.objects.get_or_create(
        champion=champion, version=version
    )
    if created:
        log(instance=champion, action=audit.CONFIRM_POLICY, user=by, data={"version": version})
    return confirmation
