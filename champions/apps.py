from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "champions"
    verbose_name = "Champions"

    def ready(self):
        # Receivers import models, which exist only once the app registry is ready.
        from django.db.models.signals import post_save

        from accounts.home_panels import home_panels_follow
        from accounts.signals import sms_received

        from . import models, receivers
        from .models import OnboardingCheck, TrainingRecord

        for model in (TrainingRecord, OnboardingCheck):
            post_save.connect(
                receivers.on_readiness_record_saved,
                sender=model,
                dispatch_uid=f"champions-{model.__name__}",
            )
        sms_received.connect(receivers.on_sms_received, dispatch_uid="champions-sms-stop")
        _connect_report_figures()
        # What the admin home page's panels count (accounts/home_panels.py, the panels named
        # in views/admin/home.py); a champion's name and stage show on every panel.
        home_panels_follow(models.ActivityLog, models.ExpenseClaim, panels=("reviews",))
        home_panels_follow(models.StageChange, models.SupervisionNote, panels=("enquiries",))
        home_panels_follow(
            models.OnboardingCheck, models.TrainingRecord, models.TrainingModule, panels=("checks",)
        )
        home_panels_follow(models.Champion)


def _connect_report_figures():
    """Changes that retire the funder reports' cached figures (report_cache.py)."""
    # Called from ready(): receivers import models, which exist only once the app registry is.
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from . import receivers
    from .models import ActivityFactor, ActivityLog, Area, Champion, ProtectiveFactor

    post_save.connect(
        receivers.on_activity_log_saved, sender=ActivityLog, dispatch_uid="champions-rep-log"
    )
    post_delete.connect(
        receivers.on_activity_log_deleted,
        sender=ActivityLog,
        dispatch_uid="champions-rep-log-del",
    )
    m2m_changed.connect(
        receivers.on_activity_factors_changed,
        sender=ActivityLog.protective_factors.through,
        dispatch_uid="champions-rep-factors",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            receivers.on_activity_factor_row_saved,
            sender=ActivityFactor,
            dispatch_uid=f"champions-rep-factor-{id(signal)}",
        )
    for model in (Champion, Area, ProtectiveFactor):
        for signal in (post_save, post_delete):
            signal.connect(
                receivers.on_report_data_changed,
                sender=model,
                dispatch_uid=f"champions-rep-{model.__name__}-{id(signal)}",
            )
