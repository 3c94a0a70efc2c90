"""The champion's own pages, under /dashboard/ (one include in config/urls.py).

Two URL namespaces: `champions` (journey, profile, consents, data, training) and `activity`
(activity logs and expense claims).
"""

from django.urls import include, path

from .views import activity as a
from .views import (
    consents,
    goals,
    journey,
    messages,
    privacy,
    profile,
    recognition,
    safeguarding,
    supervision,
    training,
)
from .views import expenses as e

journey_patterns = [
    path("", journey.dashboard, name="dashboard"),
    path("profile/", profile.profile_edit, name="profile"),
    path("messages/", messages.messages_list, name="messages"),
    path("consents/", consents.consents, name="consents"),
    path("goals/", goals.goals, name="goals"),
    path("goals/<int:pk>/note/", goals.goal_note, name="goal_note"),
    path("goals/<int:pk>/achieved/", goals.goal_achieved, name="goal_achieved"),
    path("supervision/", supervision.supervisions, name="supervisions"),
    path(
        "thank-yous/<int:pk>/public/", recognition.commendation_public, name="commendation_public"
    ),
    path("safeguarding/confirm/", safeguarding.confirm_policy, name="confirm_policy"),
    path("supervision/<int:pk>/reflection/", supervision.reflection, name="reflection"),
    path("my-data.zip", privacy.my_data, name="my_data"),
    path("erase/", privacy.erase, name="erase"),
    path("training/transcript.pdf", training.transcript, name="transcript"),
    path("record-of-service.pdf", training.record_of_service, name="record_of_service"),
    path("training/<int:pk>/certificate.pdf", training.certificate, name="certificate"),
]

# Activity logs and expense claims have the same pages: a list, new, one, edit and withdraw.
ENTRY_ROUTES = ("", "new/", "<int:pk>/", "<int:pk>/edit/", "<int:pk>/withdraw/")


def _entry_patterns(prefix: str, views, names) -> list:
    return [
        path(prefix + route, view, name=name)
        for route, view, name in zip(ENTRY_ROUTES, views, names, strict=True)
    ]


activity_patterns = [
    *_entry_patterns(
        "activity/",
        (
            a.activity_list,
            a.activity_create,
            a.activity_detail,
            a.activity_edit,
            a.activity_withdraw,
        ),
        ("list", "create", "detail", "edit", "withdraw"),
    ),
    *_entry_patterns(
        "expenses/",
        (e.expense_list, e.expense_create, e.expense_detail, e.expense_edit, e.expense_withdraw),
        ("expenses", "expense_create", "expense_detail", "expense_edit", "expense_withdraw"),
    ),
    path("expenses/<int:pk>/receipt/", e.expense_receipt, name="expense_receipt"),
]

urlpatterns = [
    path("", include((journey_patterns, "champions"))),
    path("", include((activity_patterns, "activity"))),
]
