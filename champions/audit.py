"""The champions app's audit-log actions (registered in wagtail_hooks.py)."""

from accounts.audit import AuditAction

CHANGE_STAGE = "champions.champion.change_stage"
EDIT_PROFILE = "champions.champion.edit_profile"
FLAG = "champions.champion.flag"
ANONYMISE = "champions.champion.anonymise"
CHANGE_RECORD = "champions.record.change"
GIVE_CONSENT = "champions.consent.give"
WITHDRAW_CONSENT = "champions.consent.withdraw"
COMPLETE_TRAINING = "champions.training_record.complete"
EXPIRE_TRAINING = "champions.training_record.expire"
APPROVE_ACTIVITY = "champions.activity_log.approve"
QUERY_ACTIVITY = "champions.activity_log.query"
REJECT_ACTIVITY = "champions.activity_log.reject"
APPROVE_EXPENSE = "champions.expense_claim.approve"
REJECT_EXPENSE = "champions.expense_claim.reject"
PAY_EXPENSE = "champions.expense_claim.pay"
CHANGE_GOAL = "champions.goal.change"
VIEW_CONCERN = "champions.safeguarding_concern.view"
CONFIRM_POLICY = "champions.policy_confirmation.confirm"

ACTIONS = [
    AuditAction(CHANGE_STAGE, "Change stage", "Stage changed", "champions.stage_change"),
    AuditAction(EDIT_PROFILE, "Edit own profile", "Profile edited", "champions.profile_edit"),
    AuditAction(FLAG, "Flag for attention", "Attention flag updated", "champions.attention_flag"),
    AuditAction(ANONYMISE, "Anonymise", "Personal details removed", "champions.anonymise"),
    AuditAction(
        CHANGE_RECORD,
        "Change a record",
        "Check, training or note changed",
        "champions.record_change",
    ),
    AuditAction(GIVE_CONSENT, "Give consent", "Consent given", "champions.consent_give"),
    AuditAction(
        WITHDRAW_CONSENT, "Withdraw consent", "Consent withdrawn", "champions.consent_withdraw"
    ),
    AuditAction(
        COMPLETE_TRAINING,
        "Record training",
        "Training completion recorded",
        "champions.training_complete",
    ),
    AuditAction(
        EXPIRE_TRAINING, "Expire training", "Training expired", "champions.training_expire"
    ),
    AuditAction(
        APPROVE_ACTIVITY, "Approve activity", "Activity approved", "champions.activity.approve"
    ),
    AuditAction(QUERY_ACTIVITY, "Query activity", "Question asked", "champions.activity.query"),
    AuditAction(
        REJECT_ACTIVITY, "Reject activity", "Activity not approved", "champions.activity.reject"
    ),
    AuditAction(
        APPROVE_EXPENSE, "Approve expense", "Expense approved", "champions.expense.approve"
    ),
    AuditAction(
        REJECT_EXPENSE, "Reject expense", "Expense not approved", "champions.expense.reject"
    ),
    AuditAction(PAY_EXPENSE, "Mark expense paid", "Expense marked paid", "champions.expense.paid"),
    AuditAction(CHANGE_GOAL, "Work on a goal", "Goal set, noted or achieved"),
    AuditAction(VIEW_CONCERN, "View a safeguarding concern", "Safeguarding concern viewed"),
    AuditAction(CONFIRM_POLICY, "Confirm the policy", "Safeguarding policy read"),
]
