"""Every page's header has a labelled search form that leads to /search/."""

import re

import pytest
from django.urls import reverse

from tests.factories.cms import OutcomePageFactory

pytestmark = pytest.mark.django_db

FORM = re.compile(
    r'<form class="site-search" role="search" method="get" action="([^"]+)">(.*?)</form>', re.S
)


@pytest.mark.parametrize("url", ["/", "/search/", "/accounts/login/"])
def test_the_header_search_form_is_labelled_and_posts_to_search(client, url):
    html = client.get(url).content.decode()
    action, body = FORM.search(html).groups()
    assert action == reverse("search")
    field_id = re.search(r'<input id="([^"]+)" type="search" name="q"', body).group(1)
    assert f'<label for="{field_id}"' in body
    assert '<button type="submit"' in body
    assert "onclick" not in body and "style=" not in body  # nothing the CSP would block


def test_a_search_from_the_header_finds_an_outcome(client):
    OutcomePageFactory(title="Evening clinics for working parents")
    html = client.get(reverse("search"), {"q": "evening clinics"}).content.decode()
    assert "Evening clinics for working parents" in html
