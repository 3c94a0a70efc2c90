from wagtail import hooks

from champions import hooks as champions_hooks

from . import receivers


@hooks.register("register_log_actions")
def register_cms_log_actions(actions):
    actions.register_action(
        "cms.consent_unpublish",
        "Unpublish: consent withdrawn",
        "Unpublished because the champion's consent is no longer current",
    )


hooks.register(champions_hooks.DATA_EXPORT, receivers.champion_data_export)
