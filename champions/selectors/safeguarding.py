"""Reads for safeguarding: the policy version a champion still has to confirm."""

from dataclasses import dataclass

from ..choices import Stage
from ..models import ChampionsSettings, PolicyConfirmation


@dataclass
class PolicyToConfirm:
    document: object
    version: str


def safeguarding_policy_to_confirm(champion) -> PolicyToConfirm | None:
    """The current policy if this champion (past enquiry) has not confirmed its version."""
    settings = ChampionsSettings.load()
    version = settings.safeguarding_policy_version
    if not version or settings.safeguarding_policy_id is None or champion.stage == Stage.ENQUIRY:
        return None
    if PolicyConfirmation.objects.filter(champion=champion, version=version).exists():
        return None
    return PolicyToConfirm(document=settings.safeguarding_policy, version=version)
