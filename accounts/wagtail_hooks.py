from django.urls import reverse
from wagtail import hooks


@hooks.register("register_account_menu_item")
def password_menu_item(request):
    return {
        "url": reverse("account_change_password"),
        "label": "Change password",
        "help_text": "Passwords are changed on the site's sign-in pages.",
    }


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": "Two-step sign-in",
        "help_text": "Your authenticator app, security keys and recovery codes.",
    }
