"""The champions app's panels on the coordinator's admin home page (registered in
wagtail_hooks.py): reviews waiting, enquiries not yet contacted, checks and training due,
champions ready to activate."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from accounts.columns import format_when
from accounts.home_panels import PANEL_ROWS, PanelRow, PanelSection, panel_add, panel_sections

from ...selectors import home


def _url(name: str, *args, **query) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def _champion_row(champion, detail: str = "") -> PanelRow:
    return PanelRow(
        champion.display_name(), _url("champions_champion:inspect", champion.pk), detail
    )


def _waiting_section(heading, found, namespace, now) -> PanelSection:
    count, entries = found
    rows = [
        PanelRow(
            f"{entry.champion.display_name()}: {entry}",
            _url(f"{namespace}:review", entry.pk),
            f"waiting {timesince(entry.created_at, now)}",
        )
        for entry in entries
    ]
    see_all = _url(f"{namespace}:index", status="submitted", ordering="created_at")
    return PanelSection(heading, count, rows, see_all)


def _review_sections(logs: bool, claims: bool) -> list:
    now = timezone.now()
    found = home.reviews_waiting(limit=PANEL_ROWS, logs=logs, claims=claims)
    return [
        _waiting_section("Activity logs", found["logs"], "champions_activitylog", now)
        if logs
        else None,
        _waiting_section("Expense claims", found["claims"], "champions_expenseclaim", now)
        if claims
        else None,
    ]


def reviews_panel(request, panels) -> None:
    user = request.user
    logs = user.has_perm("champions.view_activitylog")
    claims = user.has_perm("champions.view_expenseclaim")
    if not (logs or claims):
        return
    sections = panel_sections(
        "reviews", (logs, claims), lambda: _review_sections(logs=logs, claims=claims)
    )
    panel_add(
        panels, name="reviews-waiting", heading="Waiting for review", order=10, sections=sections
    )


def _enquiry_sections() -> list:
    count, champions = home.enquiries_waiting(limit=PANEL_ROWS)
    rows = [_champion_row(c, f"signed up {format_when(c.joined_on)}") for c in champions]
    see_all = _url("champions_champion:index", stage="enquiry", ordering="joined_on")
    return [PanelSection("Signed up, nobody in touch yet", count, rows, see_all)]


def enquiries_panel(request, panels) -> None:
    if not request.user.has_perm("champions.view_champion"):
        return
    sections = panel_sections("enquiries", (), _enquiry_sections)
    panel_add(panels, name="new-enquiries", heading="New enquiries", order=20, sections=sections)


def _due_rows(found, when, what=lambda item: "") -> list[PanelRow]:
    return [
        _champion_row(item.champion, f"{what(item)}{format_when(when(item))}") for item in found[1]
    ]


def _check_sections() -> list:
    today = timezone.localdate()
    dbs = home.dbs_checks_due(today=today, limit=PANEL_ROWS)
    training = home.required_training_due(today=today, limit=PANEL_ROWS)
    ready = home.champions_ready(today=today, limit=PANEL_ROWS)
    renewal, expiry = (lambda c: c.renewal_due_on), (lambda r: r.expires_on)
    module = lambda r: f"{r.module.title}, "  # noqa: E731
    dbs_due = _url("champions_champion:index", dbs_due="true")
    lapsed = _url("champions_champion:index", training_expired="true")
    return [
        PanelSection(
            "DBS renewals overdue", dbs["overdue"][0], _due_rows(dbs["overdue"], renewal), dbs_due
        ),
        PanelSection(
            f"DBS renewals due in {home.DUE_SOON_DAYS} days",
            dbs["due"][0],
            _due_rows(dbs["due"], renewal),
            dbs_due,
        ),
        PanelSection(
            "Required training expired",
            training["expired"][0],
            _due_rows(training["expired"], expiry, module),
            lapsed,
        ),
        PanelSection(
            f"Required training expiring in {home.DUE_SOON_DAYS} days",
            training["expiring"][0],
            _due_rows(training["expiring"], expiry, module),
            _url("champions_trainingrecord:index"),
        ),
        PanelSection(
            "Ready to activate",
            ready[0],
            [_champion_row(c) for c in ready[1]],
            _url("champions_champion:index", ready="true"),
        ),
    ]


def checks_panel(request, panels) -> None:
    if not request.user.has_perm("champions.view_champion"):
        return
    sections = panel_sections("checks", (), _check_sections)
    panel_add(
        panels, name="checks-training", heading="Checks and training", order=30, sections=sections
    )


CHAMPIONS_HOME_PANELS = [reviews_panel, enquiries_panel, checks_panel]


def champions_home_panels(request, panels) -> None:
    for add in CHAMPIONS_HOME_PANELS:
        add(request, panels)
