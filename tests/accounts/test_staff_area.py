"""Champions who open the staff admin are told it is for staff, with a way back: no loop."""

import pytest
from django.urls import reverse

from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/events/", "/admin/reports/site-history/"])
def test_a_signed_in_champion_gets_the_staff_only_page_with_a_link_to_their_dashboard(client, path):
    client.force_login(ChampionFactory().user)
    response = client.get(path)
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>This part of the site is for programme staff</h1>" in page
    assert f'href="{reverse("champions:dashboard")}"' in page


def test_the_champion_is_not_sent_round_the_login_page(client):
    client.force_login(ChampionFactory().user)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == []
    assert response.status_code == 403


@pytest.mark.parametrize("factory", [CoordinatorFactory, ViewerFactory])
def test_staff_still_reach_the_admin(client, factory):
    client.force_login(factory())
    assert client.get("/admin/").status_code == 200


def test_signed_out_visitors_still_go_to_the_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
