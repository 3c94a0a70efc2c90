import pytest
from django.core.management import call_command

from champions.choices import Stage
from champions.models import (
    Area,
    Champion,
    Consent,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Area,
    Champion,
    Consent,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_programme_covers_every_stage_and_loads_once():
    call_command("load_demo", verbosity=0)
    first = counts()
    assert first["Area"] == 8
    assert first["Champion"] == 38  # 37 volunteers plus the demo sign-in champion
    assert first["TrainingModule"] == 8
    assert TrainingModule.objects.filter(required_for_activation=True).count() == 4
    assert set(Champion.objects.values_list("stage", flat=True)) == set(Stage.values)
    demo = Champion.objects.get(user__email="champion@example.org")
    assert demo.stage == Stage.ACTIVE and demo.area is not None
    assert demo.stage_changes.count() == 4
    assert Champion.objects.exclude(attention_needed="").exists()
    call_command("load_demo", verbosity=0)
    assert counts() == first
