"""Sending group messages: recorded by the coordinator's request, queued by a background job."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.choices import Channel
from accounts.services.outbox import outbox_deliver_after_commit, outbox_messages_queue_many

from ..models import GroupMessage
from ..selectors.channels import CHANNEL_CONSENT
from ..selectors.messages import group_message_audience, group_message_render
from ..tasks.messages import send_group_message


def group_message_create(*, message: GroupMessage, chosen=(), token, by) -> GroupMessage:
    """Save the composed message (once per compose form: `token`) and send it. Confirming the
    same form twice, even at the same moment, finds the first message and sends nothing more."""
    existing = GroupMessage.objects.filter(token=token).first()
    if existing is not None:
        return existing
    message.token, message.created_by = token, by
    try:
        with transaction.atomic():
            message.save()
            message.chosen.set(chosen)
    except IntegrityError:
        return GroupMessage.objects.get(token=token)
    return group_message_send(message=message, by=by)


@transaction.atomic
def group_message_send(*, message: GroupMessage, by) -> GroupMessage:
    """Mark the message sent and queue the background job that writes each recipient's copy.
    Sending twice does nothing more."""
    message = GroupMessage.objects.select_for_update().get(pk=message.pk)
    if message.sent_at is None:
        message.sent_at = timezone.now()
        message.save(update_fields=["sent_at"])
        transaction.on_commit(lambda: send_group_message.delay(message.pk), robust=True)
    return message


def group_message_queue(*, message_id: int) -> int:
    """Write one outbox row per reachable recipient (keyed, so a second run adds nothing) and
    hand them to workers (in batches: outbox_deliver_after_commit); returns how many were queued."""
    message = GroupMessage.objects.select_related("event").get(pk=message_id)
    copies = [
        {
            "key": f"{message.outbox_batch}.{recipient.champion.pk}",
            "user": recipient.champion.user,
            "channel": recipient.channel,
            "address": _address(recipient.champion, recipient.channel),
            "subject": message.subject,
            "body": group_message_render(message, recipient.champion),
            "consent": CHANNEL_CONSENT[recipient.channel],
            "batch": message.outbox_batch,
        }
        for recipient in group_message_audience(message)
        if recipient.channel
    ]
    with transaction.atomic():
        queued = outbox_messages_queue_many(copies)
        outbox_deliver_after_commit(queued)
    return len(queued)


def _address(champion, channel: str) -> str:
    return champion.phone if channel == Channel.SMS else champion.user.email
