"""A consultation's responses (one row each, a column a question) and its summary (a row an
answer offered) as CSV or XLSX, every cell formula-safe."""

import csv
import io
from itertools import groupby

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from wagtail.admin.views.mixins import Echo

from champions.exports import neutralise_formula

from ..models import ConsultationAnswer

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _answers_by_response(responses):
    answers = (
        ConsultationAnswer.objects.filter(response__in=responses.values("pk"))
        .order_by("response_id", "pk")
        .values_list("response_id", "question_id", "choice", "text")
        .iterator(chunk_size=5000)
    )
    return groupby(answers, key=lambda row: row[0])


def response_rows(consultation, responses):
    """A heading row, then a row a response: when, channel, area, where, then each answer."""
    questions = list(consultation.questions.all())
    yield ["Response", "Submitted", "Channel", "Ward", "Where", *[q.text for q in questions]]
    grouped = _answers_by_response(responses)
    current = next(grouped, (None, iter(())))
    meta = responses.order_by("pk").values_list(
        "pk", "submitted_at", "channel", "area__name", "where"
    )
    for pk, submitted_at, channel, area, where in meta.iterator(chunk_size=5000):
        cells = {}
        if current[0] == pk:
            for _, question_id, choice, text in current[1]:
                value = f"{choice}: {text}" if choice and text else choice or text
                cells.setdefault(question_id, []).append(value)
            current = next(grouped, (None, iter(())))
        row = [pk, submitted_at.isoformat(), channel, area or "", where]
        yield row + ["; ".join(cells.get(q.pk, [])) for q in questions]


def summary_rows(results):
    """A row an answer offered: question, answer, n, who answered, %, respondents, % of all."""
    yield [
        "Question",
        "Answer",
        "Number",
        "Answered the question",
        "%",
        "All respondents",
        "% of all",
    ]
    for question in results.questions:
        for option in question.options:
            yield [
                question.question.text,
                option.label,
                option.n,
                option.base,
                option.percent,
                option.total,
                option.percent_of_all,
            ]
        if not question.options:
            yield [question.question.text, "(free text)", "", question.base, "", question.total, ""]


def spreadsheet_response(rows, *, filename: str, export_format: str):
    """Streams CSV, or builds an XLSX workbook; every text cell neutralised."""
    safe_rows = ([neutralise_formula(cell) for cell in row] for row in rows)
    disposition = f'attachment; filename="{filename}.{export_format}"'
    if export_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in safe_rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    else:
        writer = csv.writer(Echo())
        response = StreamingHttpResponse(
            (writer.writerow(row) for row in safe_rows), content_type=CONTENT_TYPES["csv"]
        )
    response["Content-Disposition"] = disposition
    return response
