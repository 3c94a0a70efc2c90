"""Page factories: each builds a page under its proper parent and publishes it."""

import datetime

import factory
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from cms.models import (
    BecomeChampionPage,
    HomePage,
    ImpactPage,
    OutcomeIndexPage,
    OutcomePage,
    PublicEventsPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)


def home_page() -> HomePage:
    """The default site's home page; rebuilt if a transactional test flushed the migrations'."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="Parent Champions", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


class _PageFactory(factory.django.DjangoModelFactory):
    """Adds the page as a child of `parent` (a default per type) and publishes a revision."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        parent = parent or cls.default_parent()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        else:
            page.live = False
            page.save(update_fields=["live"])
        return page


class HomePageFactory(factory.django.DjangoModelFactory):
    """The site's one home page (max_count = 1): the default site's, made if it is missing."""

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return home_page()


class StandardPageFactory(_PageFactory):
    class Meta:
        model = StandardPage

    introduction = "About us"

    @staticmethod
    def default_parent():
        return home_page()


class StoryIndexPageFactory(_PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"

    @staticmethod
    def default_parent():
        return home_page()


def story_index() -> StoryIndexPage:
    return StoryIndexPage.objects.first() or StoryIndexPageFactory()


class StoryPageFactory(_PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"My story {n}")
    summary = "How I found my voice."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>It started at a stay-and-play.</p>")])

    @staticmethod
    def default_parent():
        return story_index()


class OutcomeIndexPageFactory(_PageFactory):
    class Meta:
        model = OutcomeIndexPage

    title = "You said, we did"
    slug = "outcomes"

    @staticmethod
    def default_parent():
        return home_page()


def outcome_index() -> OutcomeIndexPage:
    return OutcomeIndexPage.objects.first() or OutcomeIndexPageFactory()


class OutcomePageFactory(_PageFactory):
    class Meta:
        model = OutcomePage

    title = factory.Sequence(lambda n: f"Outcome {n}")
    summary = "Evening clinics at the family hub."
    parent_voice = "Working parents could not get to daytime clinics."
    raised_on = datetime.date(2026, 3, 1)
    status = "achieved"

    @staticmethod
    def default_parent():
        return outcome_index()


class PublicEventsPageFactory(_PageFactory):
    class Meta:
        model = PublicEventsPage

    title = "Events"
    slug = "whats-on"

    @staticmethod
    def default_parent():
        return home_page()


class ImpactPageFactory(_PageFactory):
    class Meta:
        model = ImpactPage

    title = "Impact"
    slug = "impact"

    @staticmethod
    def default_parent():
        return home_page()


class BecomeChampionPageFactory(_PageFactory):
    class Meta:
        model = BecomeChampionPage

    title = "Become a champion"
    slug = "become-a-champion"
    introduction = "Any parent or carer of a young child can volunteer."
    what_champions_do = "<p>Champions speak up for families at meetings with local services.</p>"
    support = "<p>We pay travel and childcare costs, and a coordinator supports you.</p>"
    time_commitment = "<p>About two hours a month, at times that suit you.</p>"
    steps = factory.LazyFunction(
        lambda: [
            ("step", {"title": "Sign up", "text": "Tell us your first name and area."}),
            ("step", {"title": "We call you", "text": "Your coordinator says hello."}),
        ]
    )

    @staticmethod
    def default_parent():
        return home_page()


PAGE_FACTORIES = {
    BecomeChampionPage: BecomeChampionPageFactory,
    HomePage: HomePageFactory,
    PublicEventsPage: PublicEventsPageFactory,
    ImpactPage: ImpactPageFactory,
    StandardPage: StandardPageFactory,
    StoryIndexPage: StoryIndexPageFactory,
    StoryPage: StoryPageFactory,
    OutcomeIndexPage: OutcomeIndexPageFactory,
    OutcomePage: OutcomePageFactory,
}
