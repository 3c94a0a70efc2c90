"""Demo programme: builds every app's demo content in order, then the public pages."""

from django.contrib.auth.models import Group
from wagtail.models import Site

from accounts import demo as accounts_demo
from accounts.models import COORDINATORS, VIEWERS
from champions import demo as champions_demo
from champions import demo_activity as activity_demo
from champions.services import champion_register
from events import demo as events_demo

from .models import HomePage, StandardPage


def load_all() -> None:
    staff = accounts_demo.demo_user(
        email=accounts_demo.STAFF_EMAIL, first_name="Sam", last_name="Okafor", is_staff=True
    )
    # Coordinators run the programme (their group) and edit and moderate the public site.
    staff.groups.add(*Group.objects.filter(name__in=[COORDINATORS, "Moderators"]))
    viewer = accounts_demo.demo_user(
        email=accounts_demo.VIEWER_EMAIL, first_name="Alex", last_name="Reid", is_staff=True
    )
    viewer.groups.add(Group.objects.get(name=VIEWERS))
    user = accounts_demo.demo_user(
        email=accounts_demo.CHAMPION_EMAIL, first_name="Priya", last_name="Shah"
    )
    champion_register(user=user, preferred_name="Priya")
    champions_demo.load(staff=staff)
    events_demo.load(staff=staff)
    activity_demo.load(staff=staff)
    load_pages()


def load_pages() -> None:
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    home.body = [
        (
            "paragraph",
            "<p>Parent Champions are parents who volunteer to make sure families' voices "
            "shape the services they use: health visiting, children's centres, schools and "
            "more. Champions are trained, supported and paid their expenses.</p>",
        ),
        (
            "call_to_action",
            {
                "text": "Could you help other parents be heard?",
                "link_label": "Become a champion",
                "link_url": "/become-a-champion/",
            },
        ),
    ]
    home.save_revision().publish()
    for title, slug, intro in [
        (
            "About the programme",
            "about",
            "Parent Champions brings parents and the people who run local services together.",
        ),
        (
            "Become a champion",
            "become-a-champion",
            "Any parent or carer of a child under five can volunteer. We train and support you.",
        ),
    ]:
        page = StandardPage(title=title, slug=slug, introduction=intro, show_in_menus=False)
        home.add_child(instance=page)
        page.save_revision().publish()
