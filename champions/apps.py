from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "champions"
    verbose_name = "Champions"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from django.db.models.signals import post_save

        from accounts.signals import user_signed_up

        from .models import OnboardingCheck, TrainingRecord
        from .receivers import on_readiness_record_saved, on_user_signed_up

        user_signed_up.connect(on_user_signed_up, dispatch_uid="champions-signup")
        for model in (TrainingRecord, OnboardingCheck):
            post_save.connect(
                on_readiness_record_saved, sender=model, dispatch_uid=f"champions-{model.__name__}"
            )
