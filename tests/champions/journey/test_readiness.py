import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from champions.choices import CheckKind, CheckStatus, Stage, TrainingStatus
from champions.models import Champion
from champions.models.training import training_progress
from champions.selectors.champions import champions_ready_to_activate, champions_with_progress
from champions.selectors.readiness import champion_readiness_gaps as readiness_gaps
from champions.selectors.training import training_modules_required as required_modules
from champions.services.journey import NotReady, champion_change_stage
from tests.champions.clock import JOURNEY_TODAY as TODAY
from tests.factories.accounts import CoordinatorFactory, StaffFactory, ViewerFactory
from tests.factories.champions import TrainingRecordFactory, ready_champion

pytestmark = pytest.mark.django_db
YESTERDAY = TODAY - datetime.timedelta(days=1)


def fully_ready(modules, **kwargs):
    """Every check complete and in date; every required module completed and in date."""
    champion = ready_champion(**kwargs)
    champion.checks.filter(kind=CheckKind.DBS).update(
        completed_on=TODAY - relativedelta(years=1), renewal_due_on=TODAY + relativedelta(years=2)
    )
    for module in modules[:2]:
        TrainingRecordFactory(
            champion=champion, module=module, completed_on=TODAY - relativedelta(months=2)
        )
    return champion


def gaps_for(champion):
    loaded = champions_with_progress().get(pk=champion.pk)
    return readiness_gaps(loaded, required_modules(), TODAY)


def delete_check(kind):
    return lambda champion, modules: champion.checks.filter(kind=kind).delete()


def set_check(kind, **fields):
    return lambda champion, modules: champion.checks.filter(kind=kind).update(**fields)


def set_record(index, **fields):
    return lambda champion, modules: champion.training_records.filter(module=modules[index]).update(
        **fields
    )


def delete_record(index):
    return lambda champion, modules: champion.training_records.filter(
        module=modules[index]
    ).delete()


GAP_CASES = pytest.mark.parametrize(
    ("change", "expected"),
    [
        (delete_check(CheckKind.DBS), "DBS check: not complete"),
        (set_check(CheckKind.DBS, status=CheckStatus.PENDING), "DBS check: not complete"),
        (
            set_check(CheckKind.DBS, renewal_due_on=YESTERDAY),
            "DBS check: renewal was due on 14 June 2026",
        ),
        (delete_check(CheckKind.REFERENCE_1), "First reference: not complete"),
        (
            set_check(CheckKind.REFERENCE_2, status=CheckStatus.FAILED),
            "Second reference: not complete",
        ),
        (delete_check(CheckKind.VOLUNTEER_AGREEMENT), "Volunteer agreement signed: not complete"),
        (set_check(CheckKind.ID_SEEN, status=CheckStatus.PENDING), "ID seen: not complete"),
        (delete_record(0), "Training “Core induction”: not completed"),
        (set_record(0, status=TrainingStatus.ATTENDED), "Training “Core induction”: not completed"),
        (set_record(1, status=TrainingStatus.ENROLLED), "Training “Safeguarding”: not completed"),
        (
            set_record(1, expires_on=YESTERDAY),
            "Training “Safeguarding”: expired on 14 June 2026",
        ),
        (
            set_record(1, status=TrainingStatus.EXPIRED, expires_on=YESTERDAY),
            "Training “Safeguarding”: expired on 14 June 2026",
        ),
    ],
    ids=[
        "dbs-missing",
        "dbs-pending",
        "dbs-renewal-passed",
        "reference-1-missing",
        "reference-2-failed",
        "agreement-missing",
        "id-pending",
        "required-module-not-started",
        "required-module-only-attended",
        "required-module-only-enrolled",
        "required-module-expired",
        "required-module-marked-expired",
    ],
)


@GAP_CASES
def test_readiness_names_exactly_the_missing_item(required_pair, change, expected):
    champion = fully_ready(required_pair)
    assert gaps_for(champion) == []
    change(champion, required_pair)
    assert gaps_for(champion) == [expected]


@GAP_CASES
def test_the_ready_filter_in_sql_agrees_with_the_rule(required_pair, change, expected):
    ready = fully_ready(required_pair, preferred_name="Ready")
    gap = fully_ready(required_pair, preferred_name="Gap", stage=Stage.ONBOARDING)
    change(gap, required_pair)
    fully_ready(required_pair, preferred_name="Active already", stage=Stage.ACTIVE)

    found = champions_ready_to_activate(Champion.objects.all(), TODAY)

    assert gaps_for(ready) == [] and expected in gaps_for(gap)
    assert list(found) == [ready]


def test_a_missing_optional_module_does_not_block_activation(required_pair):
    champion = fully_ready(required_pair)
    assert not champion.training_records.filter(module=required_pair[2]).exists()
    assert gaps_for(champion) == []


def test_a_new_champion_lists_every_check_and_required_module(required_pair):
    champion = ready_champion()
    champion.checks.all().delete()
    assert len(gaps_for(champion)) == len(CheckKind) + 2
    assert not champions_ready_to_activate(Champion.objects.all(), TODAY).exists()


@pytest.mark.parametrize(
    ("expires_on", "ready"),
    [(TODAY, True), (YESTERDAY, False), (TODAY + datetime.timedelta(days=1), True)],
    ids=["expires-today-still-valid", "expired-yesterday", "expires-tomorrow"],
)
def test_training_expiry_boundary(required_pair, expires_on, ready):
    champion = fully_ready(required_pair)
    set_record(1, expires_on=expires_on)(champion, required_pair)
    assert (gaps_for(champion) == []) is ready
    assert champions_ready_to_activate(Champion.objects.all(), TODAY).exists() is ready
    loaded = champions_with_progress().get(pk=champion.pk)
    progress = training_progress(
        loaded.training_records.all(), required=len(required_modules()), today=TODAY
    )
    assert (progress.valid, progress.required) == ((2, 2) if ready else (1, 2))


@pytest.mark.parametrize(
    ("renewal_due_on", "ready"),
    [(TODAY, True), (YESTERDAY, False)],
    ids=["dbs-renewal-due-today-still-in-date", "dbs-renewal-was-due-yesterday"],
)
def test_dbs_renewal_boundary(required_pair, renewal_due_on, ready):
    champion = fully_ready(required_pair)
    set_check(CheckKind.DBS, renewal_due_on=renewal_due_on)(champion, required_pair)
    assert (gaps_for(champion) == []) is ready
    assert champions_ready_to_activate(Champion.objects.all(), TODAY).exists() is ready


def test_ready_champion_becomes_active_without_override(required_pair, frozen_today):
    champion = fully_ready(required_pair)
    coordinator = CoordinatorFactory()
    change = champion_change_stage(champion=champion, to_stage=Stage.ACTIVE, by=coordinator)
    champion.refresh_from_db()
    assert champion.stage == Stage.ACTIVE
    assert (change.from_stage, change.to_stage, change.changed_by, change.overridden) == (
        Stage.IN_TRAINING,
        Stage.ACTIVE,
        coordinator,
        False,
    )


def test_not_ready_champion_is_blocked_with_the_list_of_gaps(required_pair, frozen_today):
    champion = fully_ready(required_pair)
    delete_check(CheckKind.REFERENCE_2)(champion, required_pair)
    with pytest.raises(NotReady) as raised:
        champion_change_stage(champion=champion, to_stage=Stage.ACTIVE, by=CoordinatorFactory())
    assert raised.value.gaps == ["Second reference: not complete"]
    champion.refresh_from_db()
    assert champion.stage == Stage.IN_TRAINING
    assert not champion.stage_changes.exists()


@pytest.mark.parametrize(
    ("user_factory", "reason", "outcome"),
    [
        (CoordinatorFactory, "Reference confirmed by phone; letter to follow", "active"),
        (CoordinatorFactory, "   ", ValidationError),
        (ViewerFactory, "Reference confirmed by phone", PermissionDenied),
        (StaffFactory, "Reference confirmed by phone", PermissionDenied),
    ],
    ids=[
        "permitted-with-reason",
        "permitted-without-reason",
        "viewer-without-permission",
        "staff-without-permission",
    ],
)
def test_override_needs_the_permission_and_a_reason(
    required_pair, frozen_today, user_factory, reason, outcome
):
    champion = fully_ready(required_pair)
    delete_check(CheckKind.REFERENCE_2)(champion, required_pair)
    user = user_factory()
    if outcome == "active":
        change = champion_change_stage(
            champion=champion, to_stage=Stage.ACTIVE, by=user, reason=reason, override=True
        )
        assert change.overridden and change.reason == reason
        entry = ModelLogEntry.objects.get(
            action="champions.champion.change_stage", object_id=champion.pk
        )
        assert entry.user == user
        assert entry.data["overridden"] is True and entry.data["reason"] == reason
    else:
        with pytest.raises(outcome):
            champion_change_stage(
                champion=champion, to_stage=Stage.ACTIVE, by=user, reason=reason, override=True
            )
        champion.refresh_from_db()
        assert champion.stage == Stage.IN_TRAINING
        assert not champion.stage_changes.exists()


def test_every_stage_change_is_recorded_in_history(required_pair, frozen_today):
    champion = fully_ready(required_pair, stage=Stage.ENQUIRY)
    coordinator = CoordinatorFactory()
    for stage in (Stage.ONBOARDING, Stage.IN_TRAINING, Stage.ACTIVE, Stage.PAUSED):
        champion_change_stage(champion=champion, to_stage=stage, by=coordinator, reason="Next")
    history = list(champion.stage_changes.values_list("from_stage", "to_stage"))
    assert history == [
        (Stage.ENQUIRY, Stage.ONBOARDING),
        (Stage.ONBOARDING, Stage.IN_TRAINING),
        (Stage.IN_TRAINING, Stage.ACTIVE),
        (Stage.ACTIVE, Stage.PAUSED),
    ]
    assert ModelLogEntry.objects.filter(action="champions.champion.change_stage").count() == 4
