"""The demo loader gives every champion six months of logs and claims, in every status."""

import pytest

from champions.choices import ActivityStatus, ExpenseStatus
from champions.demo import activity as demo_activity
from champions.models import ActivityLog, ExpenseClaim
from champions.uploads import validate_receipt
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def snapshot():
    return list(ActivityLog.objects.order_by("pk").values_list("date", "kind", "hours", "status"))


def test_demo_covers_every_status_and_respects_the_rules():
    staff = CoordinatorFactory()
    champions = ChampionFactory.create_batch(3, stage="active")
    demo_activity.load(staff=staff)
    assert set(ActivityLog.objects.values_list("status", flat=True)) == set(ActivityStatus)
    assert set(ExpenseClaim.objects.values_list("status", flat=True)) == set(ExpenseStatus)
    for champion in champions:
        dates = list(champion.activity_logs.values_list("date", flat=True))
        assert len(dates) >= 10
        assert (max(dates) - min(dates)).days > 120
    for log in ActivityLog.objects.all():
        log.full_clean()  # hours in quarter steps, at most 12, no future dates, daily limit
    for claim in ExpenseClaim.objects.exclude(receipt=""):
        claim.full_clean()
        with claim.receipt.open("rb") as file:
            file._committed = False
            validate_receipt(file)
    assert all(c.payment_reference for c in ExpenseClaim.objects.filter(status="paid"))


def test_demo_is_deterministic_and_runs_once():
    staff = CoordinatorFactory()
    ChampionFactory.create_batch(2, stage="active")
    demo_activity.load(staff=staff)
    first = snapshot()
    demo_activity.load(staff=staff)
    assert snapshot() == first
    ActivityLog.objects.all().delete()
    demo_activity.load(staff=staff)
    assert snapshot() == first


def test_demo_with_no_champions_does_nothing():
    demo_activity.load(staff=CoordinatorFactory())
    assert not ActivityLog.objects.exists()
