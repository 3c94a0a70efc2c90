"""What a champion agrees to for each kind of consent, and the version of that wording.

The one place for consent wording: the consent page and the story form both show it from here,
and a consent is recorded with the version of the wording shown, so a consent record always
names wording the champion saw. Change a wording: give it a new version.
"""

import datetime
from dataclasses import dataclass

from .choices import ConsentKind


@dataclass(frozen=True)
class ConsentWording:
    """One consent statement, as shown to the champion, and its version."""

    kind: ConsentKind
    version: str
    statement: str


CONSENT_WORDING = {
    wording.kind: wording
    for wording in (
        ConsentWording(
            ConsentKind.CONTACT_EMAIL,
            "2026-01",
            "The programme may e-mail me about events, training, renewals and my volunteering.",
        ),
        ConsentWording(
            ConsentKind.CONTACT_TEXT,
            "2026-01",
            "The programme may send text messages to my phone about events and my volunteering.",
        ),
        ConsentWording(
            ConsentKind.STORY,
            "2026-01",
            "The programme may publish my story on its website, after I have seen it. "
            "This lasts five years unless I withdraw it.",
        ),
        ConsentWording(
            ConsentKind.PHOTO,
            "2026-01",
            "The programme may use photos of me in its publications and on its website. "
            "This lasts five years unless I withdraw it.",
        ),
    )
}


# Wordings used before the current ones, oldest first: consents given then name these versions.
EARLIER_CONSENT_WORDING = (
    ConsentWording(
        ConsentKind.CONTACT_EMAIL,
        "2021-09",
        "The programme may e-mail me about events and my volunteering.",
    ),
    ConsentWording(
        ConsentKind.CONTACT_TEXT,
        "2021-09",
        "The programme may text me about events and my volunteering.",
    ),
    ConsentWording(
        ConsentKind.STORY,
        "2021-09",
        "The programme may publish my story on its website after I have approved it.",
    ),
    ConsentWording(
        ConsentKind.PHOTO,
        "2021-09",
        "The programme may use photos of me in its leaflets and on its website.",
    ),
)


def consent_wording(kind: str) -> ConsentWording:
    """The current wording of this kind of consent."""
    return CONSENT_WORDING[ConsentKind(kind)]


def consent_wording_on(kind: str, day: datetime.date) -> ConsentWording:
    """The wording of this kind of consent in use on `day` (a version "YYYY-MM" applies from
    the first of that month)."""
    kind = ConsentKind(kind)
    in_use = [w for w in (*EARLIER_CONSENT_WORDING, CONSENT_WORDING[kind]) if w.kind == kind]
    month = f"{day:%Y-%m}"
    return max(
        (w for w in in_use if w.version <= month), key=lambda w: w.version, default=in_use[0]
    )


# What a champion declares when a claim is small enough to need no receipt (ExpenseClaim).
NO_RECEIPT_DECLARATION = (
    "I declare that I spent this money while volunteering for the programme, that I have no "
    "receipt for it, and that I have not claimed it anywhere else."
)
