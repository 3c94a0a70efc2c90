"""The funder reports: hours and reach, protective-factor coverage, training compliance."""

from django.utils import timezone

from champions.models.activity import format_hours
from champions.money import format_money
from champions.selectors import reports as champions_reports

from ..selectors import reports
from ..selectors import reports as events_reports
from .base import FunderReportView


def _change(now, before) -> str:
    if not before:
        return "no figure for the period before"
    return f"{now - before:+,} ({(now - before) / before:+.0%})"


class HoursAndReachReport(FunderReportView):
    """Approved volunteer hours and families reached, by ward and month."""

    page_title = "Hours and families reached"
    slug = "hours-and-reach"
    columns_spec = [
        ("ward", "Ward"),
        ("month", "Month"),
        ("hours", "Approved hours"),
        ("activities", "Activities"),
        ("families", "Families reached at events"),
    ]

    def build(self, **params):
        found = reports.hours_and_reach(**params)
        return {
            "rows": found["rows"],
            "chart": [(month, hours) for month, hours in found["by_month"]],
            "chart_title": "Approved hours by month",
            "summary": [
                ("Approved hours", format_hours(found["total_hours"])),
                ("Activities", found["total_activities"]),
                ("Families reached at events", found["total_families"]),
                (
                    f"Hours, change on {found['previous_start']:%-d %b %Y} to "
                    f"{found['previous_end']:%-d %b %Y}",
                    _change(found["total_hours"], found["previous_hours"]),
                ),
                (
                    "Families, change on the period before",
                    _change(found["total_families"], found["previous_families"]),
                ),
            ],
        }


class FactorCoverageReport(FunderReportView):
    """Approved hours and activities per protective factor, by ward and quarter."""

    page_title = "Protective-factor coverage"
    slug = "factor-coverage"
    filters_used = ("start", "end", "area", "stage")
    columns_spec = [
        ("ward", "Ward"),
        ("quarter", "Quarter"),
        ("factor", "Protective factor"),
        ("hours", "Approved hours"),
        ("activities", "Activities"),
    ]

    def build(self, **params):
        params.pop("kind", None)
        found = reports.factor_coverage(**params)
        return {
            "rows": found["rows"],
            "chart": found["by_factor"],
            "chart_title": "Approved hours per protective factor",
        }


class TrainingComplianceReport(FunderReportView):
    """Per training module: champions in date, expiring, expired and not completed."""

    page_title = "Training compliance"
    slug = "training-compliance"
    permission = "champions.view_trainingrecord"
    filters_used = ("area", "stage")
    columns_spec = [
        ("module", "Module"),
        ("required", "Required"),
        ("champions", "Champions"),
        ("in_date", "In date"),
        ("expiring", "Expiring in 30 days"),
        ("expired", "Expired"),
        ("not_completed", "Not completed"),
    ]

    def build(self, **params):
        found = reports.training_compliance(
            today=timezone.localdate(), area=params.get("area"), stage=params.get("stage")
        )
        return {
            "rows": found["rows"],
            "chart": [(r["module"], r["in_date"]) for r in found["rows"]],
            "chart_title": "Champions in date per module",
            "summary": [("Champions counted", found["champions"])],
        }


REPORTS = [HoursAndReachReport, FactorCoverageReport, TrainingComplianceReport]


class EventsAndAttendanceReport(FunderReportView):
    """Events held by kind: bookings, attendance, walk-ins, no-shows and quorum met."""

    page_title = "Events and attendance"
    slug = "events-and-attendance"
    permission = "events.view_event"
    filters_used = ("start", "end", "area", "kind")
    columns_spec = [
        ("kind", "Kind of event"),
        ("held", "Events held"),
        ("bookings", "Champions booked"),
        ("present", "Champions present"),
        ("walk_ins", "Walk-ins"),
        ("no_show_rate", "No-show rate"),
        ("quorate", "Meetings with parent quorum"),
    ]

    def build(self, **params):
        params.pop("stage", None)
        found = events_reports.events_and_attendance(**params)
        return {
            "rows": found["rows"],
            "chart": [(r["kind"], r["held"]) for r in found["rows"]],
            "chart_title": "Events held by kind",
            "summary": [("Parent quorum for a co-production meeting", found["quorum"])],
        }


class ExpensesReport(FunderReportView):
    """Expenses claimed, approved and paid by category (childcare its own) and month."""

    page_title = "Expenses"
    slug = "expenses"
    permission = "champions.view_expenseclaim"
    filters_used = ("start", "end", "area", "stage")
    columns_spec = [
        ("category", "Category"),
        ("month", "Month"),
        ("claims", "Claims"),
        ("claimed", "Claimed (£)"),
        ("approved", "Approved (£)"),
        ("paid", "Paid (£)"),
    ]

    def build(self, **params):
        params.pop("kind", None)
        found = champions_reports.expenses_by_category_and_month(**params)
        paid = dict(found["paid_by_category"])
        return {
            "rows": found["rows"],
            "chart": found["paid_by_category"],
            "chart_title": "Paid by category",
            "summary": [
                ("Childcare paid", format_money(paid.get("Childcare", 0))),
                ("All paid", format_money(sum(paid.values()))),
            ],
        }


class OnboardingPipelineReport(FunderReportView):
    """Champions per stage, conversion between stages and median days per stage."""

    page_title = "Onboarding pipeline"
    slug = "onboarding-pipeline"
    permission = "champions.view_champion"
    filters_used = ("start", "end", "area")
    columns_spec = [
        ("stage", "Stage"),
        ("now", "Champions now"),
        ("moved_on", "Moves out in the period"),
        ("conversion", "Of which onward"),
        ("median_days", "Median days in stage"),
    ]

    def build(self, **params):
        found = champions_reports.onboarding_pipeline(
            start=params["start"], end=params["end"], area=params.get("area")
        )
        return {
            "rows": found["rows"],
            "chart": [(r["stage"], r["now"]) for r in found["rows"]],
            "chart_title": "Champions at each stage now",
        }


REPORTS += [EventsAndAttendanceReport, ExpensesReport, OnboardingPipelineReport]


def funder_report_urls():
    return [pattern for report in REPORTS for pattern in report.urls()]
