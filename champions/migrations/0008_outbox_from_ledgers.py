"""Turn the champions' "sent once" ledgers into sent outbox rows, so nothing is sent again.

Renewal reminders (RenewalReminder rows) and decision e-mails (decision_notified_at) become
OutboxMessage rows with the keys the code now uses. Their text was never kept: the rows say so.
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


def _save(Outbox, rows):
    Outbox.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    rows.clear()


def forward(apps, schema_editor):
    Outbox = apps.get_model("accounts", "OutboxMessage")
    RenewalReminder = apps.get_model("champions", "RenewalReminder")
    rows = []
    for r in RenewalReminder.objects.select_related("champion__user").iterator(BATCH):
        key = f"champions.renewal.{r.kind}.{r.item_id}.{r.due_on.isoformat()}.{r.days_before}"
        rows.append(_row(Outbox, key=key, user=r.champion.user, subject="Renewal reminder", when=r.sent_at))
        if len(rows) >= BATCH:
            _save(Outbox, rows)
    for model_name in ("activitylog", "expenseclaim"):
        model = apps.get_model("champions", model_name)
        told = model.objects.filter(decision_notified_at__isnull=False, reviewed_at__isnull=False)
        for entry in told.select_related("champion__user").iterator(BATCH):
            key = f"champions.{model_name}.{entry.pk}.{entry.status}.{entry.reviewed_at.isoformat()}"
            rows.append(
                _row(Outbox, key=key, user=entry.champion.user, subject="Decision", when=entry.decision_notified_at)
            )
            if len(rows) >= BATCH:
                _save(Outbox, rows)
    _save(Outbox, rows)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_outbox_message"),
        ("champions", "0007_champions_settings"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
