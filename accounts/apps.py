from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Wagtail's Site model exists only once the app registry is ready.
        from django.db.models.signals import post_delete, post_save, pre_save
        from wagtail.images import get_image_model
        from wagtail.models import Site

        from .admin_sidebar import admin_sidebar_install
        from .images import wagtail_image_clean
        from .site import site_address_changed

        pre_save.connect(wagtail_image_clean, sender=get_image_model(), dispatch_uid="image-clean")

        for signal in (post_save, post_delete):
            signal.connect(site_address_changed, sender=Site, dispatch_uid=f"site-{id(signal)}")
        admin_sidebar_install()
