"""The one rule for whether a champion may become active, and training progress.

Both work on a champion whose `checks` and `training_records` are prefetched (see
selectors.champions_with_progress), so lists cost no query per champion.
"""

from dataclasses import dataclass

from .choices import CheckKind, CheckStatus


@dataclass(frozen=True)
class Progress:
    valid: int
    required: int

    @property
    def percent(self) -> int:
        return round(100 * self.valid / self.required) if self.required else 100

    def __str__(self):
        return f"{self.valid} of {self.required}"


def training_progress(champion, required_modules, today) -> Progress:
    """Required modules currently valid / required modules."""
    valid = {r.module_id for r in champion.training_records.all() if r.is_valid(today)}
    return Progress(
        valid=sum(1 for m in required_modules if m.pk in valid), required=len(required_modules)
    )


def readiness_gaps(champion, required_modules, today) -> list[str]:
    """What is missing before this champion may become active; empty when ready."""
    gaps = []
    checks = {c.kind: c for c in champion.checks.all()}
    for kind in CheckKind:
        check = checks.get(kind)
        if check is None or check.status != CheckStatus.COMPLETE:
            gaps.append(f"{kind.label}: not complete")
        elif not check.is_in_date(today):
            gaps.append(f"{kind.label}: renewal was due on {check.renewal_due_on:%-d %B %Y}")
    records = {r.module_id: r for r in champion.training_records.all()}
    for module in required_modules:
        record = records.get(module.pk)
        if record is None or record.effective_status(today) not in ("completed", "expired"):
            gaps.append(f"Training “{module.title}”: not completed")
        elif not record.is_valid(today):
            gaps.append(f"Training “{module.title}”: expired on {record.expires_on:%-d %B %Y}")
    return gaps
