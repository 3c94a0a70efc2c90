from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('champions', '0008_outbox_from_ledgers'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='activitylog',
            name='decision_notified_at',
        ),
        migrations.RemoveField(
            model_name='expenseclaim',
            name='decision_notified_at',
        ),
        migrations.DeleteModel(
            name='RenewalReminder',
        ),
    ]
