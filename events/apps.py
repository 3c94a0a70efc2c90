from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from accounts.home_panels import home_panels_follow
        from champions.signals import champion_anonymising

        from .models import Event, EventsSettings, MeetingAction, MeetingRecord, Registration
        from .receivers import on_champion_anonymising

        champion_anonymising.connect(on_champion_anonymising, dispatch_uid="events-anonymise")
        # What the admin home page's panels count (accounts/home_panels.py).
        home_panels_follow(Event, Registration, MeetingRecord, MeetingAction, EventsSettings)
