"""`make run` prints the demo logins and says whether staff need a second factor."""

import io

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command

from accounts.demo import STAFF_EMAIL
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_loaded():
    """The demo's coordinator exists, so the command only prints (loading is tested elsewhere)."""
    UserFactory(email=STAFF_EMAIL)


def _printed(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def test_demo_says_the_second_factor_is_off_beside_the_logins(settings):
    settings.STAFF_MFA_REQUIRED = False
    printed = _printed()
    assert "coordinator@example.org" in printed
    assert "Two-step sign-in for staff is off in this demo (STAFF_MFA_REQUIRED)" in printed


def test_demo_says_when_staff_must_set_up_a_second_factor(settings):
    settings.STAFF_MFA_REQUIRED = True
    assert "staff must set up two-step sign-in" in _printed()


def test_demo_names_the_site_from_settings(settings):
    Site.objects.filter(pk=settings.SITE_ID).update(name="example.com", domain="example.com")
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    _printed()
    site = Site.objects.get(pk=settings.SITE_ID)
    assert (site.name, site.domain) == ("Parent Champions", "127.0.0.1:8000")
