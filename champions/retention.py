"""Every retention rule in one place: what goes, what stays, its setting and its nightly job.

Periods are `settings.RETENTION[key]` (environment variables with defaults, config/settings);
docs/deploy.md repeats this table for whoever runs the site.
"""

from typing import NamedTuple


class Rule(NamedTuple):
    key: str  # in settings.RETENTION
    drops: str
    keeps: str
    task: str  # named in CELERY_BEAT_SCHEDULE


RULES = [
    Rule(
        "UNVERIFIED_SIGNUP_DAYS",
        "accounts whose e-mail address was never confirmed",
        "nothing",
        "accounts.tasks.purge_unverified_accounts",
    ),
    Rule(
        "LEAVER_DAYS",
        "everything that identifies an alumnus (anonymisation, as on erasure)",
        "hours, attendance and amounts as anonymous figures",
        "champions.tasks.anonymise_leavers",
    ),
    Rule(
        "DBS_CERTIFICATE_DAYS",
        "the DBS certificate number, counted from the check's date",
        "the date of the check and its outcome",
        "champions.tasks.drop_dbs_certificate_numbers",
    ),
    Rule(
        "RECEIPT_YEARS",
        "receipt files of expenses older than the finance period",
        "the claim: date, category, amount, status, payment",
        "champions.tasks.delete_old_receipts",
    ),
    Rule(
        "FORMER_CHAMPION_REVISION_DAYS",
        "old revisions of stories about champions who left",
        "the story's latest and live revisions",
        "cms.tasks.prune_former_champion_story_revisions",
    ),
    Rule(
        "OUTBOX_BODY_DAYS",
        "the subject, body and attachments of sent or failed messages",
        "the delivery record: key, address, status and times",
        "accounts.tasks.clear_old_outbox_bodies",
    ),
]
