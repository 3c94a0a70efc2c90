from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

# A second factor that stands on its own; recovery codes only back these up.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def user_is_staff(user) -> bool:
    """Coordinators, viewers, superusers: anyone who may open the Wagtail admin."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def user_has_second_factor(user) -> bool:
    """Whether the account has an authenticator app or a security key (passkey) set up."""
    return is_mfa_enabled(user, types=SECOND_FACTORS)
