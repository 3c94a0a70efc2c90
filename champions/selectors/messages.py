"""Reads for group messages: who a message reaches, on which channel, and who it leaves out."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from accounts.models import OutboxMessage

from ..choices import Stage, TrainingStatus
from ..models import Champion, Consent, GroupMessage
from .channels import champion_channel

# GSM-7 letters a text message can carry at 160 a part; anything else makes it 70 a part.
GSM = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)


@dataclass
class Recipient:
    champion: Champion
    channel: str  # "email", "sms", or "" when left out
    reason: str  # why they are left out


def group_message_candidates(message: GroupMessage):
    """The champions the message's filters (or hand-picked list) choose, anonymised included
    (they are shown as left out)."""
    if message.pk and message.chosen.exists():
        return message.chosen.select_related("user")
    found = Champion.objects.select_related("user")
    if message.area_id:
        found = found.filter(area_id=message.area_id)
    if message.stage:
        found = found.filter(stage=message.stage)
    if message.training_module_id:
        found = found.filter(_training(message.training_module_id, message.training_state))
    return found.order_by("preferred_name", "pk").distinct()


def _training(module_id: int, state: str) -> Q:
    today = timezone.localdate()
    records = Q(training_records__module_id=module_id)
    in_date = Q(training_records__status=TrainingStatus.COMPLETED) & (
        Q(training_records__expires_on__isnull=True) | Q(training_records__expires_on__gte=today)
    )
    expired = Q(training_records__status=TrainingStatus.EXPIRED) | Q(
        training_records__status=TrainingStatus.COMPLETED, training_records__expires_on__lt=today
    )
    return records & (expired if state == GroupMessage.TrainingState.EXPIRED else in_date)


def group_message_audience(message: GroupMessage) -> list[Recipient]:
    """Every candidate with the channel they get it on, or why they do not (alumni,
    anonymised, no consent for the channel, no mobile number); a constant number of queries."""
    champions = list(group_message_candidates(message))
    consents: dict[int, set] = {}
    for champion_id, kind in (
        Consent.objects.filter(champion__in=champions).current().values_list("champion_id", "kind")
    ):
        consents.setdefault(champion_id, set()).add(kind)
    audience = []
    for champion in champions:
        if champion.stage == Stage.ALUMNI and champion.anonymised_at is None:
            audience.append(Recipient(champion, "", "Alumni"))
            continue
        channel, reason = champion_channel(
            champion=champion, channel=message.channel, consents=consents.get(champion.pk, set())
        )
        audience.append(Recipient(champion, channel, reason))
    return audience


def group_message_render(message: GroupMessage, champion: Champion) -> str:
    """The body with the champion's placeholders filled in."""
    return message.body.replace("{first_name}", champion.preferred_name or "there")


def sms_parts(text: str) -> tuple[int, int]:
    """(length, number of SMS parts) as a phone network counts them."""
    gsm = all(ch in GSM for ch in text)
    single, multi = (160, 153) if gsm else (70, 67)
    length = len(text)
    return length, 1 if length <= single else -(-length // multi)


def group_message_statuses(message: GroupMessage):
    """The outbox rows of the message's recipients, for its page (status and reason)."""
    return OutboxMessage.objects.filter(batch=message.outbox_batch).select_related("user")


def champion_messages(champion: Champion):
    """The messages the site sent (or tried to send) the champion, newest first."""
    return OutboxMessage.objects.filter(user_id=champion.user_id).only(
        "channel", "subject", "body", "status", "created_at", "sent_at", "delivered_at"
    )
