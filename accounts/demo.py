"""Demo accounts: one coordinator and the people behind the demo champions."""

from allauth.account.models import EmailAddress

from .models import User

DEMO_PASSWORD = "champion-demo-2026"  # noqa: S105 - printed by `make run`, demo data only
STAFF_EMAIL = "coordinator@example.org"
VIEWER_EMAIL = "viewer@example.org"
CHAMPION_EMAIL = "champion@example.org"


def demo_user(*, email: str, first_name: str, last_name: str = "", is_staff: bool = False) -> User:
    """A user with a verified primary e-mail, so that it can sign in straight away."""
    user = User.objects.create_user(
        email=email,
        password=DEMO_PASSWORD,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
