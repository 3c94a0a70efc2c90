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
        _connect_report_summary()
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


def _connect_report_summary():
    """Every change the activity summary counts (services/report_summary.py)."""
    # Called from ready(): receivers import models, which exist only once the app registry is.
    from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

    from . import receivers as r
    from .models import ActivityFactor, ActivityLog, Area, Champion

    for signal, model, receiver in (
        (pre_save, ActivityLog, r.on_activity_log_saving),
        (post_save, ActivityLog, r.on_activity_log_saved_summary),
        (pre_delete, ActivityLog, r.on_activity_log_deleting),
        (pre_save, ActivityFactor, r.on_factor_row_saving),
        (post_save, ActivityFactor, r.on_factor_row_saved),
        (pre_delete, ActivityFactor, r.on_factor_row_deleting),
        (m2m_changed, ActivityLog.protective_factors.through, r.on_factors_added),
        (pre_save, Champion, r.on_champion_saving),
        (post_save, Champion, r.on_champion_saved),
        (pre_delete, Area, r.on_area_deleting),
    ):
        signal.connect(receiver, sender=model, dispatch_uid=f"champions-sum-{receiver.__name__}")
