"""The champions' section of the coordinators' weekly digest: work waiting and renewals due.

The events app sends the digest; this section reaches it through the "staff_digest_context" hook
(champions/wagtail_hooks.py).
"""

import datetime

from django.db.models import Min

from ..choices import ActivityStatus, CheckKind, CheckStatus, ExpenseStatus, TrainingStatus
from ..models import ActivityLog, ExpenseClaim, OnboardingCheck, TrainingRecord
from . import home
from .recognition import milestones_this_month
from .supervision import supervisions_overdue
from .welcome import enquiries_without_contact

EXPIRY_WINDOW_DAYS = 30


def staff_digest_champions(*, today: datetime.date) -> dict:
    """Counts of logs and claims waiting for review, what expires in the next 30 days, DBS
    checks already overdue, and the home page's counts (enquiries, lapsed training, ready)."""
    horizon = today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS)
    logs = ActivityLog.objects.filter(status=ActivityStatus.SUBMITTED).aggregate(
        oldest=Min("created_at")
    )
    return {
        "enquiries_without_contact": list(enquiries_without_contact(today)),
        "supervisions_overdue": list(supervisions_overdue(today)),
        "milestones_this_month": list(milestones_this_month(today)),
        "pending_logs": ActivityLog.objects.filter(status=ActivityStatus.SUBMITTED).count(),
        "pending_logs_oldest": logs["oldest"],
        "pending_claims": ExpenseClaim.objects.filter(status=ExpenseStatus.SUBMITTED).count(),
        "claims_to_pay": ExpenseClaim.objects.filter(status=ExpenseStatus.APPROVED).count(),
        "dbs_due": list(
            OnboardingCheck.objects.filter(
                kind=CheckKind.DBS,
                status=CheckStatus.COMPLETE,
                renewal_due_on__range=(today, horizon),
            )
            .select_related("champion__user", "champion__area")
            .order_by("renewal_due_on")
        ),
        "training_expiring": list(
            TrainingRecord.objects.filter(
                status=TrainingStatus.COMPLETED, expires_on__range=(today, horizon)
            )
            .select_related("champion__user", "champion__area", "module")
            .order_by("expires_on")
        ),
        "dbs_overdue": list(home.dbs_checks_overdue(today=today)),
        "enquiries_waiting": home.enquiries_waiting(limit=0)[0],
        "training_expired": home.required_training_due(today=today, limit=0)["expired"][0],
        "ready_to_activate": home.champions_ready(today=today, limit=0)[0],
    }
