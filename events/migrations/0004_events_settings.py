import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_staff_group_permissions'),
    ]

    operations = [
        migrations.CreateModel(
            name='EventsSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('meeting_quorum_parents', models.PositiveSmallIntegerField(default=2, help_text='A co-production meeting is quorate with at least this many parents present (champions marked present and parent walk-ins).', validators=[django.core.validators.MinValueValidator(1)], verbose_name='parents needed for a quorum')),
                ('event_reminder_hours', models.PositiveSmallIntegerField(default=48, help_text='Booked champions are e-mailed a reminder this many hours before it starts.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='hours before an event to remind')),
            ],
            options={
                'verbose_name': 'events settings',
            },
        ),
    ]
