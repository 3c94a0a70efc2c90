from django.core.management.base import BaseCommand
from django.db import transaction

from accounts import demo as accounts_demo
from accounts.models import User
from cms import demo as cms_demo


class Command(BaseCommand):
    help = "Load the deterministic demo programme into an empty database (a no-op otherwise)."

    def handle(self, *args, **options):
        if User.objects.filter(email=accounts_demo.STAFF_EMAIL).exists():
            self.stdout.write("Demo content is already loaded.")
        elif User.objects.exists():
            self.stdout.write("The database already holds users: demo content not loaded.")
            return
        else:
            with transaction.atomic():
                cms_demo.load_all()
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(
            "\n  Staff (Wagtail admin at /admin/): "
            f"{accounts_demo.STAFF_EMAIL} / {accounts_demo.DEMO_PASSWORD}"
            f"\n  Champion (dashboard at /dashboard/): "
            f"{accounts_demo.CHAMPION_EMAIL} / {accounts_demo.DEMO_PASSWORD}\n"
        )
