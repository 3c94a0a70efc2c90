"""The "Become a champion" page: editable sections, steps, stories and a sign-up button."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from cms.models import BecomeChampionPage, HomePage, StandardPage
from tests.factories.cms import BecomeChampionPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def test_become_page_shows_each_section_the_steps_stories_and_sign_up_button(client):
    StoryPageFactory(title="From shy to the forum")
    page = BecomeChampionPageFactory(support="<p>We pay <b>childcare</b> costs.</p>")
    html = client.get(page.url).content.decode()
    for heading in ("What champions do", "Support and expenses", "The time it takes", "The steps"):
        assert heading in html
    assert "<b>childcare</b>" in html
    assert '<li class="timeline__step"><strong>We call you</strong>' in html
    assert "From shy to the forum" in html
    assert f'href="{reverse("account_signup")}"' in html


def test_become_page_shows_no_stories_when_editors_ask_for_none(client):
    StoryPageFactory(title="From shy to the forum")
    page = BecomeChampionPageFactory(story_count=0)
    assert "From shy to the forum" not in client.get(page.url).content.decode()


class TestBecomeChampionPageTree(WagtailPageTestCase):
    def test_it_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(BecomeChampionPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, BecomeChampionPage)

    def test_it_is_routable(self):
        self.assertPageIsRoutable(BecomeChampionPageFactory())
