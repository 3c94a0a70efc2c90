"""Reads for group messages: who a message reaches, on which channel, and who it leaves out."""

from dataclasses import dataclass

from django.db.models import Count, Q
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
# ...of which these are sent with an escape: two of the 160.
GSM_EXTENDED = set("^{}\\[~]|€")


ORDER = ("preferred_name", "pk")
PLACEHOLDERS = ("first_name", "event_date", "event_place")
EVENT_PLACEHOLDERS = ("event_date", "event_place")


@dataclass
class Recipient:
    champion: Champion
    channel: str  # "email", "sms", or "" when left out
    reason: str  # why they are left out


def group_message_candidates(message: GroupMessage, chosen=None):
    """The champions the message's filters (or hand-picked list: `chosen` ids for a message not
    saved yet) choose, anonymised included (they are shown as left out)."""
    if chosen:
        return Champion.objects.select_related("user").filter(pk__in=chosen).order_by(*ORDER)
    if message.pk and message.chosen.exists():
        return message.chosen.select_related("user").order_by(*ORDER)
    found = Champion.objects.select_related("user")
    if message.area_id:
        found = found.filter(area_id=message.area_id)
    if message.stage:
        found = found.filter(stage=message.stage)
    if message.training_module_id:
        found = found.filter(_training(message.training_module_id, message.training_state))
    if message.event_id:
        found = found.filter(_event(message.event_id, message.event_state))
    return found.order_by(*ORDER).distinct()


def _event(event_id: int, state: str) -> Q:
    """Booked, waiting or attended: `registrations` is the events app's link to champions,
    named here as a lookup (champions does not import events)."""
    on_event = Q(registrations__event_id=event_id)
    if state == GroupMessage.EventState.ATTENDED:
        return on_event & Q(registrations__attended=True)
    return on_event & Q(registrations__status=state or GroupMessage.EventState.BOOKED)


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


def group_message_audience(message: GroupMessage, chosen=None) -> list[Recipient]:
    """Every candidate with the channel they get it on, or why they do not (alumni,
    anonymised, no consent for the channel, no mobile number); a constant number of queries."""
    champions = list(group_message_candidates(message, chosen))
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
    """The body with its placeholders filled in: the champion's first name, and the event's
    date and place when the message is about an event."""
    values = {"first_name": champion.preferred_name or "there"}
    event = message.event if message.event_id else None
    if event is not None:
        when = timezone.localtime(event.starts_at)
        values["event_date"] = f"{when:%A %-d %B %Y} at {when:%-H:%M}"
        values["event_place"] = event.venue_name or "online"
    body = message.body
    for name, value in values.items():
        body = body.replace("{" + name + "}", value)
    return body


def sms_parts(text: str) -> tuple[int, int]:
    """(length, number of SMS parts) as a phone network counts them: GSM-7 160 in one part,
    153 a part when split (an escaped letter counts twice); otherwise UCS-2, 70 and 67 (a letter
    outside the basic plane, such as an emoji, counts twice)."""
    if all(ch in GSM for ch in text):
        single, multi = 160, 153
        length = len(text) + sum(ch in GSM_EXTENDED for ch in text)
    else:
        single, multi = 70, 67
        length = len(text.encode("utf-16-le")) // 2
    return length, 1 if length <= single else -(-length // multi)


def group_message_statuses(message: GroupMessage):
    """The outbox rows of the message's recipients, for its page (status and reason)."""
    return (
        OutboxMessage.objects.filter(batch=message.outbox_batch)
        .select_related("user__champion__area")
        .order_by("user__champion__preferred_name", "pk")
    )


def group_message_totals(message: GroupMessage) -> dict[str, int]:
    """How many of the message's copies are in each outbox status (one query)."""
    rows = (
        OutboxMessage.objects.filter(batch=message.outbox_batch)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def champion_messages(champion: Champion):
    """The messages the site sent (or tried to send) the champion, newest first."""
    return OutboxMessage.objects.filter(user_id=champion.user_id).only(
        "channel", "subject", "body", "status", "created_at", "sent_at", "delivered_at"
    )


@dataclass
class Preview:
    """What the coordinator checks before sending: counts per channel, who is left out and
    why, and the message as a sample recipient gets it (with its SMS length and parts)."""

    audience: list[Recipient]
    per_channel: dict[str, int]
    left_out: list[Recipient]
    sample: Recipient | None
    rendered: str
    sms_length: int
    sms_count: int


def group_message_preview(message: GroupMessage, chosen=None) -> Preview:
    audience = group_message_audience(message, chosen)
    reached = [r for r in audience if r.channel]
    per_channel = dict.fromkeys(("email", "sms"), 0)
    for recipient in reached:
        per_channel[recipient.channel] += 1
    sample = next((r for r in reached if r.channel == "sms"), reached[0] if reached else None)
    rendered = group_message_render(message, sample.champion) if sample else message.body
    length, count = sms_parts(rendered)
    return Preview(
        audience=audience,
        per_channel=per_channel,
        left_out=[r for r in audience if not r.channel],
        sample=sample,
        rendered=rendered,
        sms_length=length,
        sms_count=count,
    )
