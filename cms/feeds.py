"""RSS and Atom feeds of published stories and outcomes (Django's syndication framework).

Every link in them is built on the site's address (accounts/site.py), not on the request's
host or django.contrib.sites.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from accounts.site import absolute_url

from .models import OutcomePage, StoryPage


class SiteFeed(Feed):
    """A feed whose own, site and item links are absolute URLs on the site's address."""

    def get_object(self, request, *args, **kwargs):
        return request.path

    def link(self, path):
        return absolute_url("/")

    def feed_url(self, path):
        return absolute_url(path)

    def item_link(self, item):
        return absolute_url(item.get_url())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.first_published_at


class StoriesFeed(SiteFeed):
    title = "Parent Champions: champion stories"
    description = "Stories by and about parent champions."

    def items(self, path):
        return StoryPage.objects.listed()[:20]


class StoriesAtomFeed(StoriesFeed):
    feed_type = Atom1Feed
    subtitle = StoriesFeed.description


class OutcomesFeed(SiteFeed):
    title = "Parent Champions: you said, we did"
    description = "Changes to local services that parents' voices produced."

    def items(self, path):
        return OutcomePage.objects.listed()[:20]

    def item_title(self, item):
        return f"{item.title} ({item.get_status_display()})"


class OutcomesAtomFeed(OutcomesFeed):
    feed_type = Atom1Feed
    subtitle = OutcomesFeed.description
