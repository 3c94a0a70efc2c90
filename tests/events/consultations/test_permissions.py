"""Who may open the consultation admin screens: coordinators everything, viewers read and
download, champions and staff without the permission get the admin's 403 page (never
Wagtail's redirect home)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from events.models import ConsultationAnswer
from tests.factories.accounts import CoordinatorFactory, StaffFactory, ViewerFactory
from tests.factories.champions import ChampionFactory
from tests.factories.events import ConsultationAnswerFactory, ConsultationQuestionFactory

pytestmark = pytest.mark.django_db

REFUSAL = b"You do not have permission to open this page"


@pytest.fixture
def answer():
    question = ConsultationQuestionFactory(free_text=True, published=True)
    return ConsultationAnswerFactory(question=question, choice="", text="More evening clinics")


def _reads(answer):
    """Screens a viewer may open: results, its downloads, themes, the listing and its export."""
    pk = answer.question.consultation_id
    results = reverse("events_consultation:results", args=[pk])
    index = reverse("events_consultation:index")
    return [
        results,
        results + "?what=summary&export=csv",
        results + "?what=responses&export=xlsx",
        reverse("events_consultation:themes"),
        index,
        index + "?export=csv",
    ]


def _changes(answer):
    """Screens only a coordinator may open: building, publishing (edit), deleting."""
    pk = answer.question.consultation_id
    return [
        reverse("events_consultation:add"),
        reverse("events_consultation:edit", args=[pk]),
        reverse("events_consultation:delete", args=[pk]),
    ]


def _tag(client, answer):
    url = reverse("events_consultation:tag", args=[answer.pk])
    return client.post(url, {"theme": "Clinic times"})


def _assert_refused(response, address=""):
    assert response.status_code == 403, address
    assert REFUSAL in response.content, address


def test_coordinators_open_every_consultation_screen_and_tag(client, answer):
    client.force_login(CoordinatorFactory())
    for address in _reads(answer) + _changes(answer):
        assert client.get(address).status_code == 200, address
    assert _tag(client, answer).status_code == 302
    assert ConsultationAnswer.objects.get(pk=answer.pk).theme == "Clinic times"


def test_viewers_read_and_download_but_get_403_for_changes_and_tagging(client, answer):
    client.force_login(ViewerFactory())
    for address in _reads(answer):
        assert client.get(address).status_code == 200, address
    for address in _changes(answer):
        _assert_refused(client.get(address), address)
    _assert_refused(_tag(client, answer))
    assert ConsultationAnswer.objects.get(pk=answer.pk).theme == ""


def test_champions_get_403_on_every_consultation_screen(client, answer):
    client.force_login(ChampionFactory().user)
    for address in _reads(answer) + _changes(answer):
        assert client.get(address).status_code == 403, address
    assert _tag(client, answer).status_code == 403
    assert ConsultationAnswer.objects.get(pk=answer.pk).theme == ""


def test_staff_without_the_permission_get_the_403_page_not_a_redirect(client, answer):
    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    for address in _reads(answer) + _changes(answer):
        _assert_refused(client.get(address), address)
    _assert_refused(_tag(client, answer))
