"""Logged-in pages: response times through gunicorn, SQL query counts in-process."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.home_panels import home_panels_clear
from accounts.models import User
from bench.generate import COORDINATOR_EMAIL, REGISTER_TITLE
from champions.models import Champion
from champions.report_cache import report_figures_clear
from cms.views.admin.coproduction_report import CoproductionReport
from events.models import Event
from events.reports.funders import REPORTS

from . import say
from .timing import count_queries, percentile, timed_gets

# The reports whose figures are cached per filter set (champions/report_cache.py); the others
# count afresh on every request.
CACHED_REPORTS = ("hours-and-reach", "factor-coverage")


@dataclass
class PageTiming:
    label: str
    path: str
    status: int
    p50_ms: float
    p95_ms: float
    queries: int
    queries_small: int  # the same page for a user or record with little data


def session_cookie(user) -> str:
    """A real session in the database for `user`, as a Cookie header for gunicorn."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def time_page(
    port: int, *, label: str, path: str, user, small: tuple, repeats: int = 100, before=None
):
    """Sequential GETs (one visitor) after ten warm-ups, so that both gunicorn workers have
    served the page once; `small` is (user, path) for the query count of the same page with
    little data behind it; `before` runs before each GET and query count, untimed."""
    headers = {"Cookie": session_cookie(user)}
    timed_gets(port, [path] * 10, headers)
    samples, status = timed_gets(port, [path] * repeats, headers, before)
    small_user, small_path = small
    return PageTiming(
        label=label,
        path=path,
        status=status,
        p50_ms=percentile(samples, 50),
        p95_ms=percentile(samples, 95),
        queries=count_queries(path, user=user, before=before)[0],
        queries_small=count_queries(small_path, user=small_user, before=before)[0],
    )


def logged_in_pages() -> list[dict]:
    """Each: label, path, user, and `small` (user, path) for the query-count comparison: the
    same page for a quieter champion, the listing narrowed to one row, or a small register.

    The champion pages are for the active champions with the most and the fewest logs."""
    active = Champion.objects.filter(stage="active").select_related("user")
    busy = active.annotate(n=Count("activity_logs")).order_by("-n", "pk").first()
    quiet = active.annotate(n=Count("activity_logs")).order_by("n", "pk").first()
    staff = User.objects.get(email=COORDINATOR_EMAIL)
    register = Event.objects.get(title=REGISTER_TITLE)
    small_register = (
        Event.objects.filter(kind=register.kind)
        .annotate(n=Count("registrations"))
        .filter(n__gt=0)
        .order_by("n", "pk")
        .first()
    )
    dashboard, activity = reverse("champions:dashboard"), reverse("activity:list")
    listing, queue = reverse("champions_champion:index"), reverse("champions_activitylog:index")
    sheet = reverse("events_event:register", args=[register.pk])
    small_sheet = reverse("events_event:register", args=[small_register.pk])
    by_email = f"champion={quiet.user.email}"
    return [
        _page("Champion dashboard", dashboard, busy.user, (quiet.user, dashboard)),
        _page("My activity", activity, busy.user, (quiet.user, activity)),
        _page(
            "Admin: champions listing", listing, staff, (staff, f"{listing}?q={quiet.user.email}")
        ),
        _page("Admin: activity review queue", queue, staff, (staff, f"{queue}?status=&{by_email}")),
        _page(
            f"Admin: attendance register ({register.registrations.count()} bookings)",
            sheet,
            staff,
            (staff, small_sheet),
        ),
        *admin_home_and_reports(staff),
    ]


def admin_home_and_reports(staff) -> list[dict]:
    """The coordinator's admin home, and each funder report for a whole year and every ward
    (the query count compared with the same report for one month)."""
    today = timezone.localdate()
    year = f"?start={today - datetime.timedelta(days=365):%Y-%m-%d}&end={today:%Y-%m-%d}"
    month = f"?start={today - datetime.timedelta(days=30):%Y-%m-%d}&end={today:%Y-%m-%d}"
    home = (staff, "/admin/")
    pages = [
        # Repeated visits read the panels from the cache (at most 60 s old); the second row
        # retires every panel before every GET (a deploy, an emptied cache, a champion's
        # details changed); the third only the reviews panel, as approving a log does.
        _page("Admin: coordinator's home", "/admin/", staff, home),
        _page(
            "Admin: coordinator's home, panels counted afresh",
            "/admin/",
            staff,
            home,
            before=home_panels_clear,
        ),
        _page(
            "Admin: coordinator's home, after an approval",
            "/admin/",
            staff,
            home,
            before=partial(home_panels_clear, "reviews"),
        ),
    ]
    for report in [*REPORTS, CoproductionReport]:
        path = f"/admin/funders/{report.slug}/"
        label, small = f"Report: {report.page_title} (a year)", (staff, path + month)
        pages.append(_page(label, path + year, staff, small))
        if report.slug in CACHED_REPORTS:
            # What a coordinator meets after any approval: the figures cache retired before
            # every GET (untimed), so each request counts the figures afresh.
            pages.append(
                _page(f"{label}, counted afresh", path + year, staff, small, report_figures_clear)
            )
    return pages


def _page(label: str, path: str, user, small: tuple, before=None) -> dict:
    return {"label": label, "path": path, "user": user, "small": small, "before": before}


def measure_logged_in(port: int, repeats: int) -> list[dict]:
    say("Logged-in pages ...")
    results = []
    for page in logged_in_pages():
        timing = time_page(port, repeats=repeats, **page)
        say(f"  {timing.label}: p95 {timing.p95_ms:.1f} ms, {timing.queries} queries")
        results.append(timing.__dict__)
    return results
