from django.db import transaction

from .models import Champion


@transaction.atomic
def champion_register(*, user, preferred_name: str) -> Champion:
    """Create the champion profile for a new sign-up, at the "enquiry" stage."""
    champion, _ = Champion.objects.get_or_create(
        user=user, defaults={"preferred_name": preferred_name.strip()}
    )
    return champion
