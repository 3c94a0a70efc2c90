"""Turn the events' "sent once" ledgers into sent outbox rows, so nothing is sent again.

Booking e-mails (Notice rows) and weekly digests (CoordinatorDigest rows) become OutboxMessage
rows with the keys the code now uses. Their text was never kept: the rows say so.
"""

from django.db import migrations

BATCH = 2000
NOT_KEPT = "(Sent before the outbox existed; the text was not kept.)"


def _row(Outbox, *, key, user, subject, when):
    return Outbox(
        key=key,
        user=user,
        address=user.email,
        subject=subject,
        body=NOT_KEPT,
        status="sent",
        created_at=when,
        sent_at=when,
        attempts=1,
    )


def forward(apps, schema_editor):
    Outbox = apps.get_model("accounts", "OutboxMessage")
    Notice = apps.get_model("events", "Notice")
    CoordinatorDigest = apps.get_model("events", "CoordinatorDigest")
    rows = []
    for notice in Notice.objects.select_related("registration__champion__user").iterator(BATCH):
        key = f"events.registration.{notice.registration_id}.{notice.kind}"
        if notice.key:
            key += f".{notice.key}"
        user = notice.registration.champion.user
        rows.append(_row(Outbox, key=key, user=user, subject=notice.kind, when=notice.sent_at))
        if len(rows) >= BATCH:
            Outbox.objects.bulk_create(rows, ignore_conflicts=True)
            rows.clear()
    for digest in CoordinatorDigest.objects.select_related("user").iterator(BATCH):
        key = f"events.digest.{digest.user_id}.{digest.week_starting.isoformat()}"
        rows.append(_row(Outbox, key=key, user=digest.user, subject="Weekly digest", when=digest.sent_at))
    Outbox.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_outbox_message"),
        ("events", "0004_events_settings"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
