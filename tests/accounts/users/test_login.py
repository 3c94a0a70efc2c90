import pytest
from django.urls import reverse

from tests.factories.accounts import PASSWORD, CoordinatorFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_redirects_anonymous_users_to_the_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=/admin/" in response.url


@pytest.mark.parametrize("wagtail_login", ["/admin/login/", "/_util/login/"])
def test_wagtail_login_pages_forward_to_allauth(client, wagtail_login):
    response = client.get(f"{wagtail_login}?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/admin/pages/"


def test_django_admin_is_not_exposed(client):
    assert client.get("/django-admin/").status_code == 404


def test_staff_sign_in_through_allauth_and_reach_the_admin(client):
    CoordinatorFactory(email="coordinator@example.org")
    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": "coordinator@example.org", "password": PASSWORD},
    )
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_champion_cannot_open_the_admin(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "This part of the site is for programme staff" in response.content.decode()


def test_staff_flag_alone_does_not_open_the_admin(client):
    client.force_login(StaffFactory())
    assert client.get("/admin/").status_code == 403
