"""RSS feeds of published stories and outcomes (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .models import OutcomePage, StoryPage


class StoriesFeed(Feed):
    title = "Parent Champions: champion stories"
    link = "/"
    description = "Stories by and about parent champions."

    def items(self):
        return StoryPage.objects.listed()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at


class StoriesAtomFeed(StoriesFeed):
    feed_type = Atom1Feed
    subtitle = StoriesFeed.description


class OutcomesFeed(Feed):
    title = "Parent Champions: you said, we did"
    link = "/"
    description = "Changes to local services that parents' voices produced."

    def items(self):
        return OutcomePage.objects.listed()[:20]

    def item_title(self, item):
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at


class OutcomesAtomFeed(OutcomesFeed):
    feed_type = Atom1Feed
    subtitle = OutcomesFeed.description
