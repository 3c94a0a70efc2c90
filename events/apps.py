from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from django.db.models.signals import post_delete, post_save

        from accounts.home_panels import home_panels_follow
        from champions.receivers import on_report_data_changed
        from champions.signals import champion_anonymising

        from .models import Event, EventsSettings, MeetingAction, MeetingRecord, Registration
        from .receivers import on_champion_anonymising

        champion_anonymising.connect(on_champion_anonymising, dispatch_uid="events-anonymise")
        # Families reached at events are in the hours and reach report (champions/report_cache.py).
        for signal in (post_save, post_delete):
            signal.connect(
                on_report_data_changed, sender=Event, dispatch_uid=f"events-rep-{id(signal)}"
            )
        # What the admin home page's panels count (accounts/home_panels.py).
        # (views/admin/home.py: "events" counts bookings, "actions" lists each action's event.)
        home_panels_follow(Registration, panels=("events",))
        home_panels_follow(MeetingRecord, MeetingAction, panels=("actions",))
        home_panels_follow(Event, EventsSettings, panels=("events", "actions"))
