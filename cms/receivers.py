"""How the cms app answers the champions app's signals and hooks (see apps.py, wagtail_hooks.py)."""

from champions.selectors.privacy import export_rows

from .models import StoryPage


def on_champion_anonymising(sender, champion, **kwargs):
    """Stories stay, but no longer name the champion they were about."""
    StoryPage.objects.filter(champion=champion).update(champion=None)


def champion_data_export(champion) -> dict:
    """The champion's stories, for their data download."""
    stories = StoryPage.objects.filter(champion=champion)
    return {"stories": export_rows(stories, "title", "live", "first_published_at")}
