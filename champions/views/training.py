"""The champion's training certificates and transcript, as PDF downloads."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from .. import pdf
from ..access import champion_for_request
from ..models import TrainingRecord
from ..selectors.recognition import champion_record_of_service
from ..selectors.training import training_records_for_transcript


@login_required
def certificate(request, pk):
    champion = champion_for_request(request)
    record = get_object_or_404(
        TrainingRecord.objects.select_related("module", "champion"), pk=pk, champion=champion
    )
    if not record.is_valid(timezone.localdate()):
        raise Http404("No current completion of this module")
    filename = f"certificate-{slugify(record.module.title)}.pdf"
    return _pdf_response(pdf.certificate_pdf(record), filename)


@login_required
def transcript(request):
    champion = champion_for_request(request)
    records = training_records_for_transcript(champion)
    return _pdf_response(
        pdf.transcript_pdf(champion, records, timezone.localdate()), "training-transcript.pdf"
    )


@login_required
def record_of_service(request):
    record = champion_record_of_service(champion_for_request(request))
    content = pdf.record_of_service_pdf(record, timezone.localdate())
    return _pdf_response(content, "record-of-service.pdf")


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
