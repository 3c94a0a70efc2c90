"""Staff avatars are never fetched from Gravatar: no hash of a staff e-mail leaves the site."""

import pytest
from django.urls import reverse

from tests.factories.accounts import CoordinatorFactory

pytestmark = pytest.mark.django_db


def test_the_admin_never_links_to_gravatar(client):
    client.force_login(CoordinatorFactory(email="sam@example.org"))
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
