"""The champion's own pages, under /dashboard/ (one include in config/urls.py).

Two URL namespaces: `champions` (journey, profile, consents, data, training) and `activity`
(activity logs and expense claims).
"""

from django.urls import include, path

from .views import activity, consents, expenses, journey, privacy, profile, training

journey_patterns = [
    path("", journey.dashboard, name="dashboard"),
    path("profile/", profile.profile_edit, name="profile"),
    path("consents/", consents.consents, name="consents"),
    path("my-data.json", privacy.my_data, name="my_data"),
    path("erase/", privacy.erase, name="erase"),
    path("training/transcript.pdf", training.transcript, name="transcript"),
    path("training/<int:pk>/certificate.pdf", training.certificate, name="certificate"),
]

activity_patterns = [
    path("activity/", activity.activity_list, name="list"),
    path("activity/new/", activity.activity_create, name="create"),
    path("activity/<int:pk>/", activity.activity_detail, name="detail"),
    path("activity/<int:pk>/edit/", activity.activity_edit, name="edit"),
    path("activity/<int:pk>/withdraw/", activity.activity_withdraw, name="withdraw"),
    path("expenses/", expenses.expense_list, name="expenses"),
    path("expenses/new/", expenses.expense_create, name="expense_create"),
    path("expenses/<int:pk>/", expenses.expense_detail, name="expense_detail"),
    path("expenses/<int:pk>/edit/", expenses.expense_edit, name="expense_edit"),
    path("expenses/<int:pk>/withdraw/", expenses.expense_withdraw, name="expense_withdraw"),
    path("expenses/<int:pk>/receipt/", expenses.expense_receipt, name="expense_receipt"),
]

urlpatterns = [
    path("", include((journey_patterns, "champions"))),
    path("", include((activity_patterns, "activity"))),
]
