from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_outbox_from_ledgers'),
    ]

    operations = [
        migrations.DeleteModel(
            name='CoordinatorDigest',
        ),
        migrations.DeleteModel(
            name='Notice',
        ),
    ]
