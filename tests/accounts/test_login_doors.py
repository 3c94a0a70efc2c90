"""Every way to sign in is allauth's login, with its rate limits and e-mail verification.

Wagtail ships other doors (its front-end login, page and document passwords, its own
password forms) and Django REST framework accepts HTTP Basic credentials on the API: each is
closed or sent to allauth here.
"""

import base64

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories.accounts import PASSWORD, CoordinatorFactory, UserFactory
from tests.factories.cms import StandardPageFactory

pytestmark = pytest.mark.django_db


def _signed_in(client):
    return "_auth_user_id" in client.session


def test_wagtail_front_end_login_does_not_sign_in_an_unverified_account(client):
    UserFactory(email="unconfirmed@example.org", verified=False)
    response = client.post(
        "/_util/login/", {"username": "unconfirmed@example.org", "password": PASSWORD}
    )
    assert response.status_code in (302, 405)
    assert not _signed_in(client)


def test_wagtail_front_end_login_does_not_bypass_the_rate_limit(client):
    UserFactory(email="target@example.org")
    for _ in range(6):
        client.post("/_util/login/", {"username": "target@example.org", "password": "wrong"})
    client.post("/_util/login/", {"username": "target@example.org", "password": PASSWORD})
    assert not _signed_in(client)


def test_api_ignores_http_basic_credentials(client):
    """DRF's default Basic authentication would answer 401 to a wrong password: an oracle."""
    UserFactory(email="target@example.org")
    wrong = base64.b64encode(b"target@example.org:wrong").decode()
    right = base64.b64encode(f"target@example.org:{PASSWORD}".encode()).decode()
    for credentials in (wrong, right):
        response = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {credentials}")
        assert response.status_code == 200
        assert not _signed_in(client)


def test_page_passwords_cannot_be_guessed_through_wagtail(client):
    page = StandardPageFactory(title="Members only")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "letmein", "return_url": page.url},
    )
    assert response.status_code == 404
    assert PageViewRestriction.passed_view_restrictions_session_key not in client.session


def test_document_passwords_cannot_be_guessed_through_wagtail(client):
    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="letmein",
    )
    response = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "letmein", "return_url": "/"},
    )
    assert response.status_code == 404


def test_editors_are_not_offered_shared_passwords_for_pages_or_documents(settings):
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"password": False}
    assert settings.WAGTAILDOCS_PRIVATE_DOCUMENT_OPTIONS == {"password": False}


def test_admin_password_forms_are_allauths(client):
    """Staff change their password on allauth's page (with its checks), not Wagtail's."""
    client.force_login(CoordinatorFactory())
    response = client.get("/admin/account/")
    assert response.status_code == 200
    assert b'name="password-old_password"' not in response.content
    assert client.get("/admin/password_reset/").status_code == 404
