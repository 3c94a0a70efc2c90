"""How the champions app answers signals (connected in apps.py): its own records whose change
may clear or raise a champion's "Needs attention"."""

from .services.journey import champion_attention_refresh


def on_readiness_record_saved(sender, instance, raw=False, **kwargs):
    """A training record or onboarding check was saved: recompute "Needs attention" now."""
    if not raw:  # not while loading fixtures
        champion_attention_refresh(champion_id=instance.champion_id)
