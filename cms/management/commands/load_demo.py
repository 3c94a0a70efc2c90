from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from accounts import demo as accounts_demo
from accounts.models import User
from accounts.services.accounts import sites_site_sync
from cms import demo as cms_demo


class Command(BaseCommand):
    help = (
        "Load the deterministic demo programme into an empty database (a no-op otherwise), "
        "and point the demo site at 127.0.0.1:PORT so that links in e-mails and feeds work."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", type=int, default=8000, help="The port the site is served on (make run)."
        )

    def handle(self, *args, port, **options):
        if User.objects.filter(email=accounts_demo.STAFF_EMAIL).exists():
            self.stdout.write("Demo content is already loaded.")
        elif User.objects.exists():
            self.stdout.write("The database already holds users: demo content not loaded.")
            return
        else:
            with transaction.atomic():
                cms_demo.load_all()
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        # The site's address (accounts/site.py) builds every link that leaves a request.
        for site in Site.objects.filter(is_default_site=True):
            site.hostname, site.port = "127.0.0.1", port
            site.save()
        sites_site_sync(domain=f"127.0.0.1:{port}")
        self.stdout.write(
            f"\n  Site address: http://127.0.0.1:{port}"
            "\n  Staff (Wagtail admin at /admin/): "
            f"{accounts_demo.STAFF_EMAIL} / {accounts_demo.DEMO_PASSWORD}"
            f"\n  Champion (dashboard at /dashboard/): "
            f"{accounts_demo.CHAMPION_EMAIL} / {accounts_demo.DEMO_PASSWORD}\n"
        )
        if settings.STAFF_MFA_REQUIRED:
            self.stdout.write(
                "  At first sign-in staff must set up two-step sign-in (an authenticator app).\n"
            )
        else:
            self.stdout.write(
                "  Two-step sign-in for staff is off in this demo (STAFF_MFA_REQUIRED), so the "
                "admin opens at once;\n  production settings require it.\n"
            )
