"""Hooks the accounts app calls and higher apps answer (see champions/hooks.py for the idea)."""

from wagtail import hooks

# fn(message: OutboxMessage) -> str: why the message must not be sent now ("" to send it).
# Asked when the message is about to be sent, so consent withdrawn or a channel opted out of
# after the message was queued still stops it.
OUTBOX_WITHHOLD = "accounts_outbox_withhold"


def answers(name: str) -> list:
    """The functions registered for hook `name`, in app order."""
    return hooks.get_hooks(name)
