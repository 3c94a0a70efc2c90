"""The admin menu keeps its labels and order, and every item has an order of its own."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


def _menu(client):
    user = StaffFactory(is_superuser=True)
    client.force_login(user)
    client.get("/admin/")  # the admin's URLs register the viewsets' menu items
    request = RequestFactory().get("/admin/")
    request.user = user
    return sorted(admin_menu.menu_items_for_request(request), key=lambda item: item.order)


def test_the_programme_menus_keep_their_labels_and_order(client):
    items = {str(item.label): item for item in _menu(client)}
    labels = [label for label in items if label in {"Champions", "Activity and expenses", "Events"}]
    assert labels == ["Champions", "Activity and expenses", "Events"]
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory(is_superuser=True)
    submenus = {
        label: [str(i.label) for i in items[label].menu.menu_items_for_request(request)]
        for label in labels
    }
    assert submenus == {
        "Champions": [
            "Champions",
            "Onboarding checks",
            "Training records",
            "Record completions",
            "Training modules",
            "Supervision notes",
            "Goals",
            "Thank-yous",
            "Milestones",
            # "Safeguarding log" shows to the Safeguarding leads group only, not to superusers.
            "Consents",
            "Messages",
            "Stage history",
            "Wards",
            "Coordinators",
        ],
        "Activity and expenses": ["Activity logs", "Expense claims"],
        "Events": ["Events", "Meeting records", "Open actions", "Consultations", "Parent voice"],
    }


def test_no_two_menu_items_share_an_order(client):
    orders = [item.order for item in _menu(client)]
    assert len(orders) == len(set(orders))
