"""The champions app's admin: one viewset per module, grouped into two admin menus.

wagtail_hooks.py registers the groups. Admin URL namespaces are `champions_<model>`; each keeps
the URL path it had (`url_prefix`), so bookmarks still work.
"""

from wagtail.admin.viewsets.model import ModelViewSetGroup

from .activity_log import ActivityLogViewSet
from .area import AreaViewSet
from .champion import ChampionViewSet
from .commendation import CommendationViewSet
from .consent import ConsentViewSet
from .coordinator import CoordinatorProfileViewSet
from .expense_claim import ExpenseClaimViewSet
from .goal import GoalViewSet
from .messages import GroupMessageViewSet
from .milestone import MilestoneViewSet
from .onboarding_check import OnboardingCheckViewSet
from .safeguarding import SafeguardingConcernViewSet
from .stage_change import StageChangeViewSet
from .supervision_note import SupervisionNoteViewSet
from .training_completions import BulkCompletionViewSet
from .training_module import TrainingModuleViewSet
from .training_record import TrainingRecordViewSet


def _named(viewset_class, model_name: str):
    """The viewset under the `champions_<model>` namespace, at its old URL path."""
    return viewset_class(f"champions_{model_name}", url_prefix=model_name)


class ChampionsViewSetGroup(ModelViewSetGroup):
    """The "Champions" admin menu: the programme's people, their checks and training."""

    menu_label = "Champions"
    menu_icon = "group"
    menu_order = 200
    items = (
        _named(ChampionViewSet, "champion"),
        _named(OnboardingCheckViewSet, "onboardingcheck"),
        _named(TrainingRecordViewSet, "trainingrecord"),
        BulkCompletionViewSet(),
        _named(TrainingModuleViewSet, "trainingmodule"),
        _named(SupervisionNoteViewSet, "supervisionnote"),
        _named(GoalViewSet, "goal"),
        _named(CommendationViewSet, "commendation"),
        _named(MilestoneViewSet, "milestone"),
        _named(SafeguardingConcernViewSet, "safeguardingconcern"),
        _named(ConsentViewSet, "consent"),
        _named(GroupMessageViewSet, "groupmessage"),
        _named(StageChangeViewSet, "stagechange"),
        _named(AreaViewSet, "area"),
        _named(CoordinatorProfileViewSet, "coordinatorprofile"),
    )


class ChampionsActivityViewSetGroup(ModelViewSetGroup):
    """The "Activity and expenses" admin menu: the review queues."""

    menu_label = "Activity and expenses"
    menu_icon = "time"
    menu_order = 210
    items = (_named(ActivityLogViewSet, "activitylog"), _named(ExpenseClaimViewSet, "expenseclaim"))
