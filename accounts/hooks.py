"""Hooks the accounts app calls and higher apps answer (see champions/hooks.py for the idea)."""

from wagtail import hooks

# fn(messages: list[OutboxMessage]) -> {pk: why}: the messages that must not be sent now.
# Asked for a few rows at a time just before they are sent, so consent withdrawn or a channel
# opted out of after the messages were queued still stops them (and a withdrawal also
# withholds the rows still queued at once: outbox_messages_withhold).
OUTBOX_WITHHOLD = "accounts_outbox_withhold"


def answers(name: str) -> list:
    """The functions registered for hook `name`, in app order."""
    return hooks.get_hooks(name)
