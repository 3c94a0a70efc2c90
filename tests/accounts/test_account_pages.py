"""allauth's pages (sign-in, two-step sign-in) sit in the site's layout, inside its margins."""

import pytest
from django.urls import reverse

from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_sign_in_pages_are_inside_the_page_margins(client):
    for name in ("account_login", "account_signup", "account_reset_password"):
        main = _main(client.get(reverse(name)))
        assert '<div class="wrap narrow account">' in main, name
        assert main.index("wrap narrow account") < main.index("<h1"), name


def test_two_step_pages_are_inside_the_page_margins(client):
    client.force_login(ChampionFactory().user)
    main = _main(client.get(reverse("mfa_index")))
    assert main.index("wrap narrow account") < main.index("<h1")
