"""Whatever mix of submissions, edits and decisions happens, the totals equal a direct sum."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.choices import ActivityStatus
from champions.models import ActivityLog, ExpenseClaim
from champions.selectors.activity import activity_hours_approved_totals as approved_hours_totals
from champions.selectors.expenses import expense_claims_totals as expense_totals
from champions.services import activity as services
from champions.services import expenses as expense_services
from tests.champions.clock import ENTRY_TODAY as TODAY
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

index = st.integers(min_value=0, max_value=20)
operation = st.one_of(
    st.tuples(st.just("submit"), st.integers(0, 89), st.integers(1, 48)),
    st.tuples(st.just("edit"), index, st.integers(1, 48)),
    st.tuples(st.sampled_from(["approve", "query", "reject", "withdraw"]), index),
    st.tuples(st.just("claim"), st.integers(1, 15000)),
    st.tuples(st.sampled_from(["approve_claim", "reject_claim", "pay", "withdraw_claim"]), index),
)


OPEN = (ActivityStatus.SUBMITTED, ActivityStatus.QUERIED)


def pick(items, i):
    return items[i % len(items)] if items else None


def expect_refusal(allowed: bool, service, **kwargs) -> bool:
    """Call the service; it must succeed when allowed and be refused otherwise."""
    if allowed:
        service(**kwargs)
        return True
    with pytest.raises(ValidationError):
        service(**kwargs)
    return False


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(operation, max_size=25))
def test_totals_match_a_direct_sum(operations):
    champion = ChampionFactory(active=True)
    staff = CoordinatorFactory()
    # What we expect, kept apart from the database: pk -> [date, hours, status] / [amount, status]
    logs, claims = {}, {}

    def day_total(date, leaving_out=None):
        return sum(
            (
                h
                for pk, (d, h, st_) in logs.items()
                if d == date and st_ != "rejected" and pk != leaving_out
            ),
            Decimal(0),
        )

    for op, *args in operations:
        log_pk = (
            pick(sorted(logs), args[0])
            if op in ("edit", "approve", "query", "reject", "withdraw")
            else None
        )
        claim_pk = pick(sorted(claims), args[0]) if op.endswith("_claim") or op == "pay" else None
        if op == "submit":
            date, hours = TODAY - datetime.timedelta(days=args[0]), Decimal(args[1]) / 4
            try:
                log = services.activity_log_submit(
                    champion=champion, date=date, kind="outreach", hours=hours, description="Stall"
                )
            except ValidationError:
                assert day_total(date) + hours > 16
            else:
                assert day_total(date) + hours <= 16
                logs[log.pk] = [date, hours, "submitted"]
        elif op == "edit" and log_pk:
            date, _, status = logs[log_pk]
            hours = Decimal(args[1]) / 4
            allowed = status in OPEN and day_total(date, leaving_out=log_pk) + hours <= 16
            if expect_refusal(
                allowed,
                services.activity_log_update,
                log=ActivityLog(pk=log_pk),
                changed_by=champion.user,
                date=date,
                kind="outreach",
                hours=hours,
                description="Changed",
                champion_reply="Answered",
            ):
                logs[log_pk] = [date, hours, "submitted"]
        elif op == "approve" and log_pk:
            approved = services.activity_logs_approve(logs=[ActivityLog(pk=log_pk)], by=staff)
            assert approved == (1 if logs[log_pk][2] in OPEN else 0)
            if approved:
                logs[log_pk][2] = "approved"
        elif op in ("query", "reject") and log_pk:
            service = services.activity_log_query if op == "query" else services.activity_log_reject
            key = "question" if op == "query" else "reason"
            if expect_refusal(
                logs[log_pk][2] in OPEN,
                service,
                log=ActivityLog(pk=log_pk),
                by=staff,
                **{key: "Why?"},
            ):
                logs[log_pk][2] = "queried" if op == "query" else "rejected"
        elif op == "withdraw" and log_pk:
            withdrawn = expect_refusal(
                logs[log_pk][2] in OPEN,
                services.activity_log_withdraw,
                log=ActivityLog(pk=log_pk),
            )
            if withdrawn:
                del logs[log_pk]
        elif op == "claim":
            claim = expense_services.expense_claim_submit(
                champion=champion,
                date=TODAY,
                category="travel",
                amount=Decimal(args[0]) / 100,
                description="Bus fare",
            )
            claims[claim.pk] = [Decimal(args[0]) / 100, "submitted"]
        elif op == "approve_claim" and claim_pk:
            done = expense_services.expense_claims_approve(
                claims=[ExpenseClaim(pk=claim_pk)], by=staff
            )
            assert done == (1 if claims[claim_pk][1] == "submitted" else 0)
            if done:
                claims[claim_pk][1] = "approved"
        elif op == "reject_claim" and claim_pk:
            if expect_refusal(
                claims[claim_pk][1] == "submitted",
                expense_services.expense_claim_reject,
                claim=ExpenseClaim(pk=claim_pk),
                by=staff,
                reason="No receipt",
            ):
                claims[claim_pk][1] = "rejected"
        elif op == "pay" and claim_pk:
            done = expense_services.expense_claims_mark_paid(
                claims=[ExpenseClaim(pk=claim_pk)], by=staff, paid_on=TODAY, reference="BACS"
            )
            assert done == (1 if claims[claim_pk][1] == "approved" else 0)
            if done:
                claims[claim_pk][1] = "paid"
        elif op == "withdraw_claim" and claim_pk:
            withdrawn = expect_refusal(
                claims[claim_pk][1] == "submitted",
                expense_services.expense_claim_withdraw,
                claim=ExpenseClaim(pk=claim_pk),
            )
            if withdrawn:
                del claims[claim_pk]

    stored = {log.pk: [log.date, log.hours, log.status] for log in champion.activity_logs.all()}
    assert stored == logs
    approved = [(d, h) for d, h, status in logs.values() if status == "approved"]
    assert approved_hours_totals(champion) == {
        "month": sum((h for d, h in approved if d >= datetime.date(2026, 3, 1)), Decimal(0)),
        "quarter": sum((h for d, h in approved if d >= datetime.date(2026, 1, 1)), Decimal(0)),
        "year": sum((h for d, h in approved if d >= datetime.date(2026, 1, 1)), Decimal(0)),
        "all_time": sum((h for _, h in approved), Decimal(0)),
    }
    assert {c.pk: [c.amount, c.status] for c in champion.expense_claims.all()} == claims
    assert expense_totals(champion) == {
        status: sum((a for a, s in claims.values() if s == status), Decimal("0.00"))
        for status in ("submitted", "approved", "paid")
    }
