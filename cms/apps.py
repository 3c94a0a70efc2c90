from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Public site"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageLogEntry, WorkflowState
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from accounts.home_panels import home_panels_follow
        from champions.models import ActivityLog, Commendation, Consent
        from champions.signals import champion_anonymising, consent_withdrawn
        from events.models import Event

        from . import receivers
        from .models import OutcomePage, StoryIndexPage, StoryPage

        consent_withdrawn.connect(receivers.on_consent_withdrawn, dispatch_uid="cms-consent")
        champion_anonymising.connect(
            receivers.on_champion_anonymising, dispatch_uid="cms-anonymise"
        )
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(receivers.on_content_changed, dispatch_uid=f"cms-{id(signal)}")
        page_published.connect(
            receivers.on_story_published, sender=StoryPage, dispatch_uid="cms-story-photos"
        )
        post_delete.connect(receivers.on_content_changed, sender=Page, dispatch_uid="cms-del")
        post_save.connect(
            receivers.on_story_index_created, sender=StoryIndexPage, dispatch_uid="cms-story-index"
        )
        for model in (Commendation, Consent, Event):
            post_save.connect(
                receivers.on_content_changed, sender=model, dispatch_uid=f"cms-{model.__name__}"
            )
        # The impact figures (cms/cache.py): approved hours, events held, outcomes achieved.
        post_save.connect(
            receivers.on_activity_log_saved, sender=ActivityLog, dispatch_uid="cms-fig-log"
        )
        post_delete.connect(
            receivers.on_activity_log_deleted, sender=ActivityLog, dispatch_uid="cms-fig-log-del"
        )
        post_save.connect(receivers.on_figures_changed, sender=Event, dispatch_uid="cms-fig-event")
        for signal in (page_published, page_unpublished):
            signal.connect(
                receivers.on_figures_changed,
                sender=OutcomePage,
                dispatch_uid=f"cms-fig-{id(signal)}",
            )
        # The admin home's stories panel (accounts/home_panels.py): moderation, take-downs
        # (publishing and unpublishing save the page).
        home_panels_follow(StoryPage, WorkflowState, PageLogEntry, Consent, panels=("stories",))
