"""E-mail to champions, only when they have current consent to be contacted by e-mail.

Every e-mail goes through the outbox (accounts/services/outbox.py): it is written in the
caller's transaction, keyed by what it is about so it is sent once, and delivered after commit.
"""

from django.template.loader import render_to_string

from accounts.choices import Channel
from accounts.models import OutboxMessage
from accounts.services.outbox import outbox_message_queue, outbox_messages_queue_many

from ..choices import ConsentKind
from ..models import Champion, Consent
from ..selectors.channels import CHANNEL_CONSENT, PREFERRED, champion_channel


def champion_email_queue(
    *,
    champion: Champion,
    key: str,
    subject: str,
    template: str,
    context: dict,
    attachments=(),
    deliver: bool = True,
) -> OutboxMessage | None:
    """Queue `template` (plain text) to the champion once per `key`.

    Returns None, and records nothing, without current contact consent (so that consent given
    later still brings the e-mail) or when `key` was queued before. `attachments` are
    (filename, text, mimetype); `deliver=False` leaves a batch to the caller.
    """
    if not Consent.objects.has_current(champion, ConsentKind.CONTACT_EMAIL):
        return None
    return outbox_message_queue(
        key=key,
        user=champion.user,
        address=champion.user.email,
        subject=subject,
        body=render_to_string(template, {"champion": champion, **context}),
        attachments=attachments,
        deliver=deliver,
        consent=ConsentKind.CONTACT_EMAIL,
    )


def champion_emails_queue(emails: list[dict]) -> list[int]:
    """Queue many e-mails at once, each a dict of champion_email_queue's arguments (without
    `deliver`), with the same rules: nothing for a champion without current contact consent,
    nothing again for a key queued before. One query for every champion's consent and a few
    for the rows, however many there are (a run of reminders: thousands). Returns the ids
    queued, for the caller to deliver (outbox_deliver_after_commit)."""
    consenting = set(
        Consent.objects.filter(
            champion__in={email["champion"].pk for email in emails},
            kind=ConsentKind.CONTACT_EMAIL,
        )
        .current()
        .values_list("champion_id", flat=True)
    )
    rows = [
        {
            "key": email["key"],
            "user": email["champion"].user,
            "address": email["champion"].user.email,
            "subject": email["subject"],
            "body": render_to_string(
                email["template"], {"champion": email["champion"], **email["context"]}
            ),
            "attachments": email.get("attachments", ()),
            "consent": ConsentKind.CONTACT_EMAIL,
        }
        for email in emails
        if email["champion"].pk in consenting
    ]
    return outbox_messages_queue_many(rows) if rows else []


def champion_message_queue(
    *,
    champion: Champion,
    key: str,
    subject: str,
    body: str,
    channel: str = PREFERRED,
    batch: str = "",
    deliver: bool = True,
    consents=None,
) -> OutboxMessage | None:
    """Queue a written message to the champion on `channel` (see champion_channel); None when
    they cannot be reached on it or `key` was queued before."""
    found, _ = champion_channel(champion=champion, channel=channel, consents=consents)
    if not found:
        return None
    return outbox_message_queue(
        key=key,
        user=champion.user,
        channel=found,
        address=champion.phone if found == Channel.SMS else champion.user.email,
        subject=subject,
        body=body,
        consent=CHANNEL_CONSENT[found],
        batch=batch,
        deliver=deliver,
    )


def outbox_withhold_reasons(messages: list[OutboxMessage]) -> dict[int, str]:
    """Why messages to champions must not go now, by message id (answers the accounts outbox
    hook); messages that may go are left out.

    Checked just before the messages are sent, so a consent withdrawn or a champion anonymised
    after they were queued still stops them. Two queries for all of them: the worker asks this
    for each few rows it sends.
    """
    users = {m.user_id for m in messages if m.user_id is not None}
    if not users:
        return {}
    champions = {
        row["user_id"]: row
        for row in Champion.objects.filter(user_id__in=users).values(
            "pk", "user_id", "anonymised_at"
        )
    }
    held = set(
        Consent.objects.filter(champion__in=[c["pk"] for c in champions.values()])
        .current()
        .values_list("champion_id", "kind")
    )
    reasons = {}
    for message in messages:
        champion = champions.get(message.user_id)
        if champion is None:
            continue
        if champion["anonymised_at"] is not None:
            reasons[message.pk] = "The champion's record was anonymised."
        elif message.consent and (champion["pk"], message.consent) not in held:
            reasons[message.pk] = (
                f"No current consent: {ConsentKind(message.consent).label.lower()}."
            )
    return reasons
