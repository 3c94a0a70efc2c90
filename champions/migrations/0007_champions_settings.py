import django.core.validators
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('champions', '0006_activity_factor_ordering'),
    ]

    operations = [
        migrations.CreateModel(
            name='ChampionsSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('expense_claim_ceiling', models.DecimalField(decimal_places=2, default=Decimal('150.00'), help_text='A champion cannot claim more than this at once; larger costs are agreed with a coordinator first.', max_digits=8, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='largest single expense claim (£)')),
            ],
            options={
                'verbose_name': 'champions settings',
            },
        ),
    ]
