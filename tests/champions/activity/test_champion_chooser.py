"""Staff pick a champion in admin forms with a searchable chooser, not a drop-down of everyone."""

import pytest
from django.urls import reverse

from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(CoordinatorFactory())
    return client


@pytest.mark.parametrize("url", ["champions_activitylog:add", "champions_expenseclaim:add"])
def test_add_forms_use_the_chooser_not_a_list_of_every_champion(staff_client, url):
    ChampionFactory.create_batch(30)
    html = staff_client.get(reverse(url)).content.decode()
    assert '<select name="champion"' not in html
    assert "Choose a champion" in html
    assert reverse("champion_chooser:choose") in html


def test_the_chooser_searches_by_name_and_e_mail(staff_client):
    ChampionFactory(preferred_name="Zainab Ahmed", user__email="zainab@example.org")
    ChampionFactory(preferred_name="Priya Shah", user__email="priya@example.org")
    ChampionFactory.create_batch(25)
    results = reverse("champion_chooser:choose_results")
    html = staff_client.get(results, {"q": "zainab"}).content.decode()
    assert "Zainab Ahmed" in html and "Priya Shah" not in html
    html = staff_client.get(results, {"q": "priya@exa"}).content.decode()
    assert "Priya Shah" in html and "Zainab Ahmed" not in html
    modal = staff_client.get(reverse("champion_chooser:choose"))
    assert modal.status_code == 200
    assert "Name or e-mail address" in modal.json()["html"]


def test_the_chooser_pages_through_champions_in_constant_queries(
    staff_client, django_assert_max_num_queries
):
    results = reverse("champion_chooser:choose_results")
    ChampionFactory.create_batch(3)
    staff_client.get(results)
    with django_assert_max_num_queries(12) as few:
        staff_client.get(results)
    ChampionFactory.create_batch(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = staff_client.get(results).content.decode()
    assert html.count('class="title"') <= 20 or "Page 1 of 3" in html


def test_a_champion_is_not_reachable_in_the_chooser_by_a_champion(client):
    champion = ChampionFactory()
    client.force_login(champion.user)
    response = client.get(reverse("champion_chooser:choose_results"))
    assert response.status_code in (302, 403)
