"""How a champion can be reached: e-mail or text, by their consents and preference."""

from accounts.choices import Channel

from ..choices import ConsentKind
from ..models import Champion, Consent

PREFERRED = "preferred"
CHANNEL_CONSENT = {Channel.EMAIL: ConsentKind.CONTACT_EMAIL, Channel.SMS: ConsentKind.CONTACT_TEXT}


def champion_channel(*, champion: Champion, channel: str, consents=None) -> tuple[str, str]:
    """(channel, "") for how the champion can be reached on `channel` ("email", "sms" or
    "preferred": their preference, else e-mail), or ("", why not)."""
    if champion.anonymised_at is not None:
        return "", "Anonymised"
    held = consents if consents is not None else Consent.objects.current_for(champion)
    if channel == PREFERRED:
        wanted = champion.preferred_channel
        found, reason = champion_channel(champion=champion, channel=wanted, consents=held)
        if found or wanted == Channel.EMAIL:
            return found, reason
        return champion_channel(champion=champion, channel=Channel.EMAIL, consents=held)
    if channel == Channel.SMS and not champion.phone:
        return "", "No mobile number"
    if CHANNEL_CONSENT[channel] not in held:
        return "", f"No consent: {ConsentKind(CHANNEL_CONSENT[channel]).label.lower()}"
    return channel, ""
