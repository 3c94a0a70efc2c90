"""Demo activity logs and expense claims: six months for every demo champion, in every status.

Deterministic (a seeded random.Random) and written against whatever champions and events exist.
Receipts are small PNGs and PDFs drawn here, stored in private storage like real ones.
"""

import datetime
import io
import random
from collections import Counter
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A6
from reportlab.pdfgen import canvas
from wagtail.log_actions import log as audit_log

from .. import audit
from ..choices import (
    ActivityKind,
    ActivityStatus,
    ExpenseCategory,
    ExpenseStatus,
    ProtectiveFactorCode,
    Stage,
)
from ..models import ActivityFactor, ActivityLog, Champion, ExpenseClaim
from ..money import format_money
from ..selectors.activity import activity_log_event_choices, activity_log_initial_for_event
from ..services.report_summary import activity_summary_rebuild

SEED = 20260401
MONTHS = 6

DESCRIPTIONS = {
    ActivityKind.ENGAGEMENT: [
        "Helped run the welcome table at the stay-and-play consultation.",
        "Talked to parents about the new family hub opening hours.",
        "Ran the feedback wall at the summer fun day.",
    ],
    ActivityKind.CO_PRODUCTION: [
        "Co-production meeting on the health visiting leaflet: raised waiting times.",
        "Reviewed the perinatal mental health pathway with the service leads.",
        "Met the school readiness group about the two-year check letters.",
    ],
    ActivityKind.PEER_SUPPORT: [
        "Met a new mum at the library rhyme time and showed her the local groups.",
        "Buddy call with a parent who is new to the area.",
        "Walked with a dad to his first breastfeeding support session with his partner.",
    ],
    ActivityKind.OUTREACH: [
        "Stall at the Saturday market handing out family hub leaflets.",
        "Outreach at the food bank: signposted three families to Healthy Start vouchers.",
        "Community stall at the mosque open day.",
    ],
    ActivityKind.RESEARCH_PANEL: [
        "Parent panel for the university's infant feeding study.",
        "Focus group on the family survey questions.",
        "Mapping session: where parents go for help before age five.",
    ],
    ActivityKind.TRAINING: [
        "Safeguarding refresher at the CVS office.",
        "Communication and confidence workshop, session 2.",
        "Understanding the voluntary sector: funding and governance.",
    ],
    ActivityKind.ONLINE: [
        "Answered questions in the parents' WhatsApp group about the new nursery offer.",
        "Wrote a post for the programme Facebook page about the dads' group.",
        "Online feedback session on the family hub website.",
    ],
    ActivityKind.OTHER: [
        "Helped pack the winter warm packs for families.",
        "Spoke at the council's children's services scrutiny panel.",
    ],
}
KIND_WEIGHTS = {
    ActivityKind.ENGAGEMENT: 4,
    ActivityKind.CO_PRODUCTION: 3,
    ActivityKind.PEER_SUPPORT: 4,
    ActivityKind.OUTREACH: 3,
    ActivityKind.RESEARCH_PANEL: 2,
    ActivityKind.TRAINING: 2,
    ActivityKind.ONLINE: 3,
    ActivityKind.OTHER: 1,
}
QUESTIONS = [
    "Was this the Tuesday or the Wednesday session? The sign-in sheet has you on Wednesday.",
    "Could you say roughly how many parents you spoke to?",
    "Was this part of the programme or your own group? Happy to count it if it was ours.",
]
REPLIES = [
    "It was the Wednesday one, sorry, I have changed the date.",
    "About 12 parents, I have added it.",
]
REASONS = [
    "This was logged twice: the same session is on 3 hours already.",
    "Personal appointments can't count as volunteering, sorry. Talk to me if unsure.",
]
EXPENSE_REASONS = [
    "The receipt is for a different date. Please send the right one as a new claim.",
    "Taxis need agreeing beforehand. Let's talk about getting you there next time.",
]


def load(*, staff):
    """Called by cms.demo.load_all after champions and events exist."""
    if ActivityLog.objects.exists():
        return
    rng = random.Random(SEED)
    today = timezone.localdate()
    champions = list(Champion.objects.select_related("user").order_by("pk"))
    with transaction.atomic():
        for champion in champions:
            logs = _logs_for(champion, rng, today, staff)
            _claims_for(champion, logs, rng, today, staff)
        _cover_every_status(rng, today, staff)
        # Factors are bulk-created and some statuses set by update(), which no receiver sees.
        activity_summary_rebuild()


def _cover_every_status(rng, today, staff) -> None:
    """However few champions exist, the demo shows every status of log and claim."""
    if ActivityLog.objects.count() < 4:
        return
    for status in ActivityStatus:
        if log := _spare(ActivityLog, status):
            if status == ActivityStatus.SUBMITTED:
                ActivityLog.objects.filter(pk=log.pk).update(status=status, reviewed_by=None)
            else:
                message = {"queried": QUESTIONS[0], "rejected": REASONS[0]}.get(status, "")
                action = _ACTIVITY_ACTIONS[status]
                _decide(log, status, message, staff, rng, today, action)
    missing = 4 - ExpenseClaim.objects.count()
    for log in ActivityLog.objects.order_by("-date", "pk")[: max(0, missing)]:
        claim = ExpenseClaim(
            champion=log.champion,
            date=log.date,
            category=ExpenseCategory.TRAVEL,
            amount=Decimal("4.00"),
            description="Bus there and back (day ticket).",
            activity=log,
        )
        claim.receipt.save("receipt.png", _receipt_png(claim.amount), save=False)
        claim.save()
    for status in ExpenseStatus:
        if not (claim := _spare(ExpenseClaim, status)):
            continue
        if status == ExpenseStatus.SUBMITTED:
            ExpenseClaim.objects.filter(pk=claim.pk).update(status=status, reviewed_by=None)
        elif status == ExpenseStatus.REJECTED:
            _decide(claim, status, EXPENSE_REASONS[0], staff, rng, today, audit.REJECT_EXPENSE)
        else:
            _decide(claim, ExpenseStatus.APPROVED, "", staff, rng, today, audit.APPROVE_EXPENSE)
            if status == ExpenseStatus.PAID:
                ExpenseClaim.objects.filter(pk=claim.pk).update(
                    status=status, paid_on=today, payment_reference=f"BACS-{today:%Y%m%d}"
                )


def _spare(model, status):
    """When no row has `status`: the newest row whose own status another row also has."""
    if model.objects.filter(status=status).exists():
        return None
    counts = Counter(model.objects.values_list("status", flat=True))
    return next((o for o in model.objects.order_by("-date", "pk") if counts[o.status] > 1), None)


def _logs_for(champion, rng, today, staff) -> list[ActivityLog]:
    new = champion.stage in (Stage.ENQUIRY, Stage.ONBOARDING)
    kinds = [ActivityKind.TRAINING, ActivityKind.PEER_SUPPORT] if new else list(KIND_WEIGHTS.keys())
    weights = [KIND_WEIGHTS[k] for k in kinds]
    start = today - relativedelta(months=MONTHS)
    days = sorted(
        {
            start + datetime.timedelta(days=rng.randrange((today - start).days + 1))
            for _ in range(rng.randint(4, 6) if new else rng.randint(12, 26))
        }
    )
    plans = [{"date": day, "kind": rng.choices(kinds, weights)[0]} for day in days]
    booked = activity_log_event_choices(champion).filter(starts_at__date__gte=start)
    for event in booked.order_by("starts_at", "pk"):
        plans.append(activity_log_initial_for_event(event) | {"event": event})
    logs = []
    for plan in sorted(plans, key=lambda p: p["date"]):
        kind = plan["kind"]
        reached = kind in (ActivityKind.ENGAGEMENT, ActivityKind.OUTREACH)
        log = ActivityLog.objects.create(
            champion=champion,
            date=plan["date"],
            kind=kind,
            hours=plan.get("hours") or Decimal(rng.choice([2, 3, 4, 4, 6, 6, 8, 10, 12, 16])) / 4,
            event=plan.get("event"),
            people_reached=rng.randint(3, 45) if reached else None,
            description=rng.choice(DESCRIPTIONS[kind]),
            created_at=_at(plan["date"] + datetime.timedelta(days=rng.randint(0, 3)), rng, today),
        )
        ActivityFactor.objects.bulk_create(
            ActivityFactor(activity=log, factor_id=code)
            for code in rng.sample(list(ProtectiveFactorCode), rng.randint(0, 3))
        )
        _review_log(log, rng, today, staff)
        logs.append(log)
    return logs


def _at(day, rng, today) -> datetime.datetime:
    day = min(day, today)
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(8, 21), rng.randint(0, 59)))
    return min(timezone.make_aware(moment), timezone.now())


def _review_log(log, rng, today, staff) -> None:
    age = (today - log.date).days
    roll = rng.random()
    if age < 10:
        status = ActivityStatus.QUERIED if roll < 0.1 else ActivityStatus.SUBMITTED
    elif roll < 0.06:
        status = ActivityStatus.REJECTED
    elif roll < 0.12:
        status = ActivityStatus.QUERIED
    elif roll < 0.18 and age < 40:
        status = ActivityStatus.SUBMITTED
    else:
        status = ActivityStatus.APPROVED
    if status == ActivityStatus.SUBMITTED:
        return
    message = {
        ActivityStatus.QUERIED: rng.choice(QUESTIONS),
        ActivityStatus.REJECTED: rng.choice(REASONS),
    }.get(status, "")
    _decide(log, status, message, staff, rng, today, _ACTIVITY_ACTIONS[status])
    if status == ActivityStatus.QUERIED and age > 20 and rng.random() < 0.5:
        # The champion answered; it waits for a second look.
        log.champion_reply = rng.choice(REPLIES)
        log.status = ActivityStatus.SUBMITTED
        log.save(update_fields=["champion_reply", "status"])


_ACTIVITY_ACTIONS = {
    ActivityStatus.APPROVED: audit.APPROVE_ACTIVITY,
    ActivityStatus.QUERIED: audit.QUERY_ACTIVITY,
    ActivityStatus.REJECTED: audit.REJECT_ACTIVITY,
}


def _decide(obj, status, message, staff, rng, today, action) -> None:
    when = _at(obj.created_at.date() + datetime.timedelta(days=rng.randint(1, 6)), rng, today)
    obj.status = status
    obj.staff_message = message
    obj.reviewed_by = staff
    obj.reviewed_at = when
    obj.save()
    audit_log(
        instance=obj,
        action=action,
        user=staff,
        timestamp=when,
        data={"status": status, "message": message},
    )


def _claims_for(champion, logs, rng, today, staff) -> None:
    for log in logs:
        if log.kind == ActivityKind.ONLINE or rng.random() > 0.35:
            continue
        category, amount, description = _expense(log, rng)
        claim = ExpenseClaim(
            champion=champion,
            date=log.date,
            category=category,
            amount=amount,
            description=description,
            activity=log,
            created_at=log.created_at,
        )
        if category != ExpenseCategory.TRAVEL or rng.random() < 0.6:
            pdf = rng.random() < 0.4
            content = _receipt_pdf(description, amount) if pdf else _receipt_png(amount)
            claim.receipt.save("receipt.pdf" if pdf else "receipt.png", content, save=False)
        claim.save()
        _review_claim(claim, log, rng, today, staff)


def _expense(log, rng):
    roll = rng.random()
    if log.kind == ActivityKind.CO_PRODUCTION and roll < 0.6:
        hours = rng.choice([2, 3, 4])
        return (
            ExpenseCategory.CHILDCARE,
            Decimal(hours * rng.choice([6, 7, 8])).quantize(Decimal("0.01")),
            f"Childminder for {hours} hours so I could attend the meeting.",
        )
    if roll < 0.75:
        fare = rng.choice(["2.00", "2.00", "4.00", "4.50", "6.20"])
        return ExpenseCategory.TRAVEL, Decimal(fare), "Bus there and back (day ticket)."
    return (
        ExpenseCategory.SUBSISTENCE,
        Decimal(rng.choice(["3.50", "4.95", "6.40", "8.10"])),
        "Lunch on a full day at the event.",
    )


def _review_claim(claim, log, rng, today, staff) -> None:
    if log.status == ActivityStatus.REJECTED or (
        log.status == ActivityStatus.APPROVED and rng.random() < 0.05
    ):
        _decide(
            claim,
            ExpenseStatus.REJECTED,
            rng.choice(EXPENSE_REASONS),
            staff,
            rng,
            today,
            audit.REJECT_EXPENSE,
        )
        return
    if log.status != ActivityStatus.APPROVED:
        return
    _decide(claim, ExpenseStatus.APPROVED, "", staff, rng, today, audit.APPROVE_EXPENSE)
    # Finance pays approved claims in a run on the last Friday of each month.
    pay_day = _last_friday(claim.reviewed_at.date())
    if pay_day < today:
        claim.status = ExpenseStatus.PAID
        claim.paid_on = pay_day
        claim.payment_reference = f"BACS-{pay_day:%Y%m%d}"
        claim.save()
        audit_log(
            instance=claim,
            action=audit.PAY_EXPENSE,
            user=staff,
            timestamp=_at(pay_day, rng, today),
            data={"paid_on": pay_day.isoformat(), "reference": claim.payment_reference},
        )


def _last_friday(day: datetime.date) -> datetime.date:
    last = day + relativedelta(day=31)
    friday = last - datetime.timedelta(days=(last.weekday() - 4) % 7)
    return friday if friday >= day else _last_friday(day + relativedelta(months=1, day=1))


def _receipt_png(amount) -> ContentFile:
    image = Image.new("RGB", (240, 320), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(["CITY BUSES", "DAY TICKET", "", f"TOTAL  GBP {amount}", "THANK YOU"]):
        draw.text((20, 20 + 28 * i), line, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def _receipt_pdf(description, amount) -> ContentFile:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A6)
    pdf.drawString(20, 360, "Little Acorns Childminding")
    pdf.drawString(20, 330, description[:48])
    pdf.drawString(20, 300, f"Total: {format_money(amount)}")
    pdf.showPage()
    pdf.save()
    return ContentFile(buffer.getvalue())
