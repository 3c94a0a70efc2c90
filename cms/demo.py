"""Demo programme: builds every app's demo content in order, then the public pages."""

import datetime
import io
import random

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from accounts import demo as accounts_demo
from accounts.models import COORDINATORS, VIEWERS
from champions import demo as champions_demo
from champions.choices import ConsentKind
from champions.models import Champion, ProtectiveFactor
from champions.services.consents import consent_give, consent_withdraw
from champions.services.journey import champion_register
from events import demo as events_demo
from events.choices import EventKind
from events.demo import consultations as consultations_demo
from events.models import Consultation, Event, MeetingRecord, ParentVoiceItem

from .demo_become import become_champion_page
from .models import (
    HomePage,
    ImpactPage,
    OutcomeConsultationResult,
    OutcomeIndexPage,
    OutcomeMeetingLink,
    OutcomePage,
    OutcomeParentVoice,
    PublicEventsPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)


def load_all() -> None:
    staff = accounts_demo.demo_user(
        email=accounts_demo.STAFF_EMAIL, first_name="Sam", last_name="Okafor", is_staff=True
    )
    # Coordinators run the programme (their group) and edit and moderate the public site.
    staff.groups.add(*Group.objects.filter(name__in=[COORDINATORS, "Moderators"]))
    viewer = accounts_demo.demo_user(
        email=accounts_demo.VIEWER_EMAIL, first_name="Alex", last_name="Reid", is_staff=True
    )
    viewer.groups.add(Group.objects.get(name=VIEWERS))
    user = accounts_demo.demo_user(
        email=accounts_demo.CHAMPION_EMAIL, first_name="Priya", last_name="Shah"
    )
    champion_register(user=user, preferred_name="Priya")
    champions_demo.load_champions(staff=staff)
    events_demo.load(staff=staff)
    champions_demo.load_activity(staff=staff)
    load_pages(staff=staff)


def _factors(*codes) -> list[ProtectiveFactor]:
    return list(ProtectiveFactor.objects.filter(code__in=codes))


def _publish(parent, page, user=None):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


def _demo_image(title: str, colour: str, accent: str, seed: int):
    """A simple generated picture (no stock photos in the repository)."""
    rng = random.Random(seed)
    img = Image.new("RGB", (1200, 750), colour)
    draw = ImageDraw.Draw(img)
    for _ in range(14):
        x, y, r = rng.randint(0, 1200), rng.randint(0, 750), rng.randint(40, 180)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=80)
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"demo-{seed}.jpg")
    )


STORIES = [
    (
        "From shy to speaking up",
        "Joining as a champion after my son was born gave me the confidence to chair a meeting.",
        "confidence",
        True,
    ),
    (
        "Why evening clinics matter",
        "Working parents told us daytime clinics were out of reach. Here is what happened next.",
        "health visiting",
        False,
    ),
    (
        "Stay-and-play in three languages",
        "A champion who speaks Polish and Romanian helped new families find local groups.",
        "languages",
        True,
    ),
    (
        "Dads count too",
        "How a dads' breakfast became a regular group, and what fathers asked services for.",
        "dads",
        False,
    ),
    (
        "Mapping what families need",
        "Our mapping sessions showed where support for under-fives is hard to find.",
        "mapping",
        False,
    ),
    (
        "My first co-production meeting",
        "I was nervous sitting across from the commissioners, but they listened.",
        "co-production",
        False,
    ),
]


def load_pages(*, staff=None) -> None:
    """The public site: home, section pages, stories, outcomes and two standard pages."""
    home = _home(staff)
    stories_index = _publish(
        home,
        StoryIndexPage(
            title="Stories",
            slug="stories",
            show_in_menus=True,
            introduction="Parent champions in their own words.",
        ),
    )
    outcomes_index = _publish(
        home,
        OutcomeIndexPage(
            title="Outcomes",
            slug="outcomes",
            show_in_menus=True,
            introduction="You said, we did: what changed because parents spoke up.",
        ),
    )
    _publish(
        home,
        PublicEventsPage(
            title="Events",
            slug="whats-on",
            show_in_menus=True,
            introduction="Stay-and-plays, drop-ins and community events open to every family.",
        ),
    )
    _publish(
        home,
        ImpactPage(
            title="Impact",
            slug="impact",
            show_in_menus=True,
            introduction="What parent champions have done this year, from our own records.",
        ),
    )
    _load_stories(stories_index, staff)
    _load_outcomes(outcomes_index, staff)
    for title, slug, intro in STANDARD_PAGES:
        _publish(home, StandardPage(title=title, slug=slug, introduction=intro))
    _publish(home, become_champion_page())


STANDARD_PAGES = [
    (
        "About the programme",
        "about",
        "Parent Champions brings parents and the people who run local services together.",
    ),
]


def _home(staff) -> HomePage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    home.title = "Parents' voices shaping local services"
    home.body = [
        (
            "paragraph",
            "<p>Parent Champions are parents who volunteer to make sure families' voices "
            "shape the services they use: health visiting, children's centres, early years "
            "and more. Champions are trained, supported and have their expenses paid, "
            "including childcare.</p>",
        ),
        (
            "call_to_action",
            {
                "text": "Could you help other parents be heard?",
                "link_label": "Become a champion",
                "link_url": "/become-a-champion/",
            },
        ),
    ]
    home.save_revision(user=staff).publish(user=staff)
    return home


def _load_stories(index, staff):
    champions = list(Champion.objects.filter(stage="active").select_related("area")[:4])
    now = timezone.now()
    pictures = [
        _demo_image("Champions at the family hub", "#4b2e83", "#ffbf47", 1),
        _demo_image("Stay-and-play session", "#0b6b3a", "#f4f1f8", 2),
    ]
    for n, (title, summary, tag, pictured) in enumerate(STORIES):
        champion = champions[n] if n < len(champions) and n != 4 else None
        if champion is not None:
            consent_give(
                champion=champion, kind=ConsentKind.STORY, wording_version="2026-01", now=now
            )
            if pictured:
                consent_give(
                    champion=champion, kind=ConsentKind.PHOTO, wording_version="2026-01", now=now
                )
        image = pictures[n % 2] if pictured else None
        story = StoryPage(
            title=title,
            summary=summary,
            champion=champion,
            area=champion.area if champion else None,
            hero_image=image,
            hero_alt="Parents and children at a brightly coloured family hub session"
            if image
            else "",
            body=[
                ("paragraph", f"<p>{summary}</p>"),
                (
                    "quote",
                    {
                        "quote": "The best bit is seeing something change because we said it.",
                        "attribution": champion.preferred_name if champion else "A champion",
                    },
                ),
                (
                    "paragraph",
                    "<p>Champions meet every month with the people who plan local services, "
                    "bringing what parents tell them at groups, stalls and online.</p>",
                ),
            ],
            protective_factors=_factors("connections", "resilience"),
        )
        _publish(index, story, staff)
        story.tags.add(tag)
        story.save_revision(user=staff).publish(user=staff)
    # One champion withdrew story consent: their story comes down and is not public.
    if len(champions) > 3:
        consent_withdraw(champion=champions[3], kind=ConsentKind.STORY)


OUTCOMES = [
    (
        "Evening baby clinics at the family hub",
        "achieved",
        "Working parents could not get to daytime baby clinics.",
        "I'd have to take a half day off work just to get her weighed.",
        "Health visiting service board",
        "<p>A Tuesday evening clinic opened at the family hub, run by health visitors.</p>",
        "",
        (46, 220, "36", "said clinic times stopped them going"),
    ),
    (
        "Mental health support for new mums",
        "in_progress",
        "New mothers told us they did not know where to turn when they felt low.",
        "Nobody asked how I was, only how the baby was.",
        "Perinatal mental health partnership",
        "<p>A peer support group is being set up with the community midwives.</p>",
        "",
        (46, 220, "36", "cited mother and baby mental health"),
    ),
    (
        "Free parking at the children's centre",
        "not_taken_forward",
        "Parking charges put families off coming to groups.",
        "It costs me four pounds to park for a free group.",
        "Council parking services",
        "",
        "The car park is owned by a private landlord; the council is looking at a bus pass "
        "scheme instead.",
        None,
    ),
    (
        "Information in community languages",
        "raised",
        "Families who speak little English miss out on groups because leaflets are only in "
        "English.",
        "My neighbour didn't know the stay-and-play was free.",
        "",
        "",
        "",
        None,
    ),
]


def _load_outcomes(index, staff):
    meetings = list(Event.objects.filter(kind=EventKind.CO_PRODUCTION).order_by("starts_at"))
    records = {r.event_id: r for r in MeetingRecord.objects.filter(event__in=meetings)}
    today = timezone.localdate()
    for n, (title, status, voice, said, decided_by, changed, reason, figure) in enumerate(OUTCOMES):
        outcome = OutcomePage(
            title=title,
            summary=voice,
            parent_voice=voice,
            # Outcomes linked to the family survey show its live figures, not a typed one.
            evidence=_evidence(None if _linked_results(title) else figure, said),
            decision="Agreed to act on what parents said." if status != "raised" else "",
            decided_by=decided_by,
            what_changed=changed,
            status=status,
            status_reason=reason,
            raised_on=today - datetime.timedelta(days=200 - 30 * n),
            decided_on=today - datetime.timedelta(days=120 - 20 * n)
            if status != "raised"
            else None,
            achieved_on=today - datetime.timedelta(days=30) if status == "achieved" else None,
            protective_factors=_factors("concrete_support", "knowledge"),
        )
        if meetings:
            _trace_to_meeting(outcome, meetings[n % len(meetings)], records, voice)
        _link_voice(outcome)
        _publish(index, outcome, staff)


def _link_voice(outcome) -> None:
    results, points = consultations_demo.OUTCOME_LINKS.get(outcome.title, ([], []))
    survey = Consultation.objects.filter(slug=consultations_demo.FAMILY_SURVEY).first()
    questions = list(survey.questions.order_by("sort_order")) if survey else []
    for order, choice, theme, statement in results if questions else []:
        outcome.consultation_results.add(
            OutcomeConsultationResult(
                question=questions[order], choice=choice, theme=theme, statement=statement
            )
        )
    for text in points:
        item = ParentVoiceItem.objects.filter(text=text).order_by("pk").first()
        if item is not None:
            outcome.voice_items.add(OutcomeParentVoice(item=item))


def _linked_results(title) -> list:
    return consultations_demo.OUTCOME_LINKS.get(title, ([], []))[0]


def _evidence(figure, said) -> list:
    evidence = []
    if figure:
        count, respondents, percent, statement = figure
        evidence.append(
            (
                "consultation_figure",
                {
                    "percent": percent,
                    "count": count,
                    "respondents": respondents,
                    "statement": statement,
                    "source": "Parent consultation 2026",
                },
            )
        )
    evidence.append(("quote", {"quote": said, "attribution": "A parent at a focus group"}))
    return evidence


def _trace_to_meeting(outcome, meeting, records, voice) -> None:
    outcome.meeting_links.add(
        OutcomeMeetingLink(
            event=meeting,
            public_summary="Parents raised this; the service lead agreed to look at it.",
        )
    )
    record = records.get(meeting.pk)
    if record is not None:
        # The point as it was minuted, so the outcome traces back to the meeting.
        item = ParentVoiceItem.objects.create(
            record=record, text=voice, sort_order=record.parent_voice_items.count()
        )
        outcome.voice_items.add(OutcomeParentVoice(item=item))
