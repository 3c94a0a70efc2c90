from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "champions"
    verbose_name = "Champions"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from django.db.models.signals import post_save

        from accounts.home_panels import home_panels_follow
        from accounts.signals import sms_received

        from . import models
        from .models import OnboardingCheck, TrainingRecord
        from .receivers import on_readiness_record_saved, on_sms_received

        for model in (TrainingRecord, OnboardingCheck):
            post_save.connect(
                on_readiness_record_saved, sender=model, dispatch_uid=f"champions-{model.__name__}"
            )
        sms_received.connect(on_sms_received, dispatch_uid="champions-sms-stop")
        # What the admin home page's panels count (accounts/home_panels.py).
        home_panels_follow(
            models.ActivityLog,
            models.ExpenseClaim,
            models.Champion,
            models.StageChange,
            models.SupervisionNote,
            models.OnboardingCheck,
            models.TrainingRecord,
            models.TrainingModule,
        )
