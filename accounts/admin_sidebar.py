"""The Wagtail admin's sidebar, drawn once per user and kept in the cache.

Wagtail draws the sidebar on every admin page: each menu item asks whether the user may see it
(page, collection and model permissions: three queries) and the whole menu is serialised for
the sidebar's JavaScript, about 10 ms of every staff screen. What it shows changes only with the
code, the user (name, avatar, groups, permissions, language) and the groups' permissions, so
the serialised menu is kept per process, user, name and language (a new process after a deploy
draws its own), under a generation that a change to groups, permissions or profiles bumps, for
SIDEBAR_CACHE_SECONDS at most.
"""

import hashlib
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template import Library
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.users.models import UserProfile

GENERATION_KEY = "admin-sidebar:generation"
# The menu comes from the code this process runs: a deploy starts new processes, new keys.
PROCESS = uuid.uuid4().hex[:12]
SIDEBAR_CACHE_SECONDS = 300

library = Library()
wagtail_sidebar_props = wagtailadmin_tags.sidebar_props


@library.simple_tag(takes_context=True, name="sidebar_props")
def sidebar_props(context):
    """Wagtail's own `sidebar_props`, from the cache when this user's menu is there."""
    user = context["request"].user
    if not user.is_authenticated:
        return wagtail_sidebar_props(context)
    generation = cache.get_or_set(GENERATION_KEY, 1, timeout=None)
    # The user's own name and superuser flag are in the key: a sign-up saves a user too, and
    # should not make every staff member's sidebar drawn again.
    shown = hashlib.sha1(
        f"{user.get_username()}|{user.first_name}|{user.is_superuser}".encode(),
        usedforsecurity=False,
    ).hexdigest()[:12]
    key = f"admin-sidebar:{PROCESS}:{generation}:{user.pk}:{shown}:{translation.get_language()}"
    props = cache.get(key)
    if props is None:
        props = str(wagtail_sidebar_props(context))
        cache.set(key, props, SIDEBAR_CACHE_SECONDS)
    return mark_safe(props)  # noqa: S308 - Wagtail's own json_script output, as it drew it


def admin_sidebar_clear(**kwargs) -> None:
    """Draw every user's sidebar afresh (usable directly as a signal receiver)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def admin_sidebar_install() -> None:
    """Serve Wagtail's `{% sidebar_props %}` through the cache, and retire it on any change to
    what it shows beyond the user's own name (accounts' ready(), before any template is
    compiled)."""
    wagtailadmin_tags.register.tags["sidebar_props"] = library.tags["sidebar_props"]
    user_model = get_user_model()
    for model in (Group, GroupPagePermission, GroupCollectionPermission, UserProfile):
        for signal in (post_save, post_delete):
            signal.connect(
                admin_sidebar_clear,
                sender=model,
                dispatch_uid=f"admin-sidebar-{model._meta.label}-{id(signal)}",
            )
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            admin_sidebar_clear,
            sender=through,
            dispatch_uid=f"admin-sidebar-{through._meta.label}",
        )
