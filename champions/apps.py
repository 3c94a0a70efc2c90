from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "champions"
    verbose_name = "Champions"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from accounts.signals import sms_received, user_signed_up

        from .receivers import on_sms_received, on_user_signed_up

        user_signed_up.connect(on_user_signed_up, dispatch_uid="champions-signup")
        sms_received.connect(on_sms_received, dispatch_uid="champions-sms-stop")
