"""The co-production report in the Reports menu (registered in wagtail_hooks.py)."""

from events.reports.base import FunderReportView

from ...selectors.coproduction import coproduction_figures


class CoproductionReport(FunderReportView):
    """Parent voice raised, outcomes by status and time from raised to achieved."""

    page_title = "Co-production"
    slug = "coproduction"
    permission = "events.view_meetingrecord"
    filters_used = ("start", "end")
    columns_spec = [
        ("status", "Outcome status"),
        ("outcomes", "Outcomes raised in the period"),
        ("median_days", "Median days from raised to achieved"),
    ]

    def build(self, **params):
        found = coproduction_figures(start=params["start"], end=params["end"])
        raised, answered = found["voice_raised"], found["voice_answered"]
        return {
            "rows": found["rows"],
            "chart": [(r["status"], r["outcomes"]) for r in found["rows"]],
            "chart_title": "Outcomes by status",
            "summary": [
                ("Parent-voice points heard at meetings", raised),
                ("Of which led to an outcome", answered),
                ("Not answered yet", raised - answered),
            ],
        }


def coproduction_report_urls():
    return CoproductionReport.urls()


def coproduction_report_menu_item():
    return CoproductionReport.menu_item(order=850)
