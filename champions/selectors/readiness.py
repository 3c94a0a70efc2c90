"""The one rule for whether a champion may become active.

It works on a champion whose `checks` and `training_records` are prefetched (see
selectors.champions.champions_with_progress), so lists cost no query per champion.
"""

from ..choices import CheckKind, CheckStatus, TrainingStatus


def champion_readiness_gaps(champion, required_modules, today) -> list[str]:
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
        lapsed_or_done = (TrainingStatus.COMPLETED, TrainingStatus.EXPIRED)
        if record is None or record.effective_status(today) not in lapsed_or_done:
            gaps.append(f"Training “{module.title}”: not completed")
        elif not record.is_valid(today):
            gaps.append(f"Training “{module.title}”: expired on {record.expires_on:%-d %B %Y}")
    return gaps
