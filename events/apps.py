from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from champions.signals import champion_anonymising

        from .receivers import on_champion_anonymising

        champion_anonymising.connect(on_champion_anonymising, dispatch_uid="events-anonymise")
