from wagtail import hooks


@hooks.register("register_log_actions")
def register_cms_log_actions(actions):
    actions.register_action(
        "cms.consent_unpublish",
        "Unpublish: consent withdrawn",
        "Unpublished because the champion's consent is no longer current",
    )
