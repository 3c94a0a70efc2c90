"""How the champions app answers signals of the accounts app (connected in apps.py)."""

from .services.journey import champion_register


def on_user_signed_up(sender, user, preferred_name, **kwargs):
    """A new sign-up becomes a champion at the "enquiry" stage."""
    champion_register(user=user, preferred_name=preferred_name)
