from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from accounts.tasks.accounts import purge_unverified_accounts
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_purge_deletes_only_stale_unverified_non_staff_accounts_once():
    old = timezone.now() - timedelta(days=30)
    stale = UserFactory(verified=False, date_joined=old)
    recent = UserFactory(verified=False)
    verified = UserFactory(date_joined=old)
    staff = StaffFactory(verified=False, date_joined=old)

    assert purge_unverified_accounts.delay().get() == 1
    assert purge_unverified_accounts.delay().get() == 0
    remaining = set(User.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, verified.pk, staff.pk}
    assert stale.pk not in remaining
