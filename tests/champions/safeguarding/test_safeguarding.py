"""Safeguarding: champions confirm each policy version; the concerns log is for the
"Safeguarding leads" group only (403 and no menu item otherwise), every view audited."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from champions.models import ChampionsSettings, PolicyConfirmation, SafeguardingConcern
from champions.selectors.privacy import champion_data_export
from tests.factories.accounts import CoordinatorFactory, StaffFactory
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db
CONFIRM = "I have read the safeguarding policy"


def _publish_policy(version):
    settings = ChampionsSettings.load()
    if settings.safeguarding_policy is None:
        document = get_document_model()(title="Safeguarding policy")
        document.file.save("policy.pdf", ContentFile(b"%PDF-1.4 policy"), save=True)
        settings.safeguarding_policy = document
    settings.safeguarding_policy_version = version
    settings.save()


def test_champions_confirm_the_policy_and_a_new_version_asks_again(client):
    champion = ChampionFactory(active=True)
    client.force_login(champion.user)
    dashboard = reverse("champions:dashboard")
    assert CONFIRM not in client.get(dashboard).content.decode()  # no policy published yet
    _publish_policy("2026-1")
    assert CONFIRM in client.get(dashboard).content.decode()
    client.post(reverse("champions:confirm_policy"), {"version": "2026-1"})
    assert CONFIRM not in client.get(dashboard).content.decode()
    _publish_policy("2026-2")
    assert "version 2026-2" in client.get(dashboard).content.decode()
    client.post(reverse("champions:confirm_policy"), {"version": "2026-1"})  # an old page
    assert PolicyConfirmation.objects.filter(champion=champion).count() == 1
    client.post(reverse("champions:confirm_policy"), {"version": "2026-2"})
    assert set(PolicyConfirmation.objects.values_list("version", flat=True)) == {
        "2026-1",
        "2026-2",
    }
    export = champion_data_export(champion)["safeguarding_policy_confirmations"]
    assert {row["version"] for row in export} == {"2026-1", "2026-2"}


@pytest.fixture
def lead():
    user = StaffFactory()
    user.groups.add(Group.objects.get(name="Safeguarding leads"))
    return user


@pytest.fixture
def concern():
    return SafeguardingConcern.objects.create(
        champion=ChampionFactory(active=True), raised_by="Stall volunteer", concern="Disclosure"
    )


def test_coordinators_outside_the_group_get_403_and_no_menu_item(client, concern):
    for user in (CoordinatorFactory(), StaffFactory(is_superuser=True)):
        client.force_login(user)
        for url in (
            reverse("champions_safeguardingconcern:index"),
            reverse("champions_safeguardingconcern:add"),
            reverse("champions_safeguardingconcern:edit", args=[concern.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 403
            assert "You do not have permission to open this page" in response.content.decode()
            assert "Disclosure" not in response.content.decode()
        assert "Safeguarding log" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not ModelLogEntry.objects.filter(action="champions.safeguarding_concern.view").exists()


def test_leads_see_the_log_and_every_view_and_change_is_audited(client, lead, concern):
    client.force_login(lead)
    assert "Safeguarding log" in client.get(reverse("wagtailadmin_home")).content.decode()
    listing = client.get(reverse("champions_safeguardingconcern:index"))
    assert listing.status_code == 200 and "Stall volunteer" in listing.content.decode()
    edit = reverse("champions_safeguardingconcern:edit", args=[concern.pk])
    assert client.get(edit).status_code == 200
    views = ModelLogEntry.objects.filter(action="champions.safeguarding_concern.view")
    assert views.filter(user=lead, object_id=str(concern.pk)).count() == 2
    response = client.post(
        edit,
        {
            "champion": concern.champion.pk,
            "raised_on": "2026-06-01",
            "raised_by": "Stall volunteer",
            "concern": "Disclosure",
            "action_taken": "Referred to children's services",
            "status": "referred",
        },
    )
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=str(concern.pk), user=lead
    ).exists()
