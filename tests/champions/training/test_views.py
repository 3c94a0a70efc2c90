import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from pypdf import PdfReader

from champions.choices import Stage, TrainingStatus
from tests.factories.champions import (
    ChampionFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(client):
    champion = ChampionFactory(preferred_name="Bethany", stage=Stage.IN_TRAINING)
    client.force_login(champion.user)
    return champion


def pdf_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_certificate_is_a_real_pdf_with_name_and_module(client, champion):
    module = TrainingModuleFactory(title="Safeguarding children and adults")
    record = TrainingRecordFactory(champion=champion, module=module)
    response = client.get(reverse("champions:certificate", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "Bethany" in text
    assert "Safeguarding children and adults" in text


def test_transcript_lists_the_champions_training(client, champion):
    TrainingRecordFactory(champion=champion, module=TrainingModuleFactory(title="Core induction"))
    TrainingRecordFactory(
        champion=champion,
        module=TrainingModuleFactory(title="Co-production in practice"),
        status=TrainingStatus.ATTENDED,
        completed_on=None,
    )
    text = pdf_text(client.get(reverse("champions:transcript")))
    assert "Bethany" in text
    assert "Core induction" in text and "Co-production in practice" in text


def test_no_certificate_for_a_module_not_completed_or_expired(client, champion):
    attended = TrainingRecordFactory(
        champion=champion, status=TrainingStatus.ATTENDED, completed_on=None
    )
    lapsed = TrainingRecordFactory(
        champion=champion,
        module=TrainingModuleFactory(validity_months=12),
        completed_on=datetime.date.today() - relativedelta(months=13),
    )
    for record in (attended, lapsed):
        assert client.get(reverse("champions:certificate", args=[record.pk])).status_code == 404
