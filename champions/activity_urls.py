from django.urls import path

from . import activity_views as views

app_name = "activity"
urlpatterns = [
    path("activity/", views.activity_list, name="list"),
    path("activity/new/", views.activity_create, name="create"),
    path("activity/<int:pk>/", views.activity_detail, name="detail"),
    path("activity/<int:pk>/edit/", views.activity_edit, name="edit"),
    path("activity/<int:pk>/withdraw/", views.activity_withdraw, name="withdraw"),
    path("expenses/", views.expense_list, name="expenses"),
    path("expenses/new/", views.expense_create, name="expense_create"),
    path("expenses/<int:pk>/", views.expense_detail, name="expense_detail"),
    path("expenses/<int:pk>/edit/", views.expense_edit, name="expense_edit"),
    path("expenses/<int:pk>/withdraw/", views.expense_withdraw, name="expense_withdraw"),
    path("expenses/<int:pk>/receipt/", views.expense_receipt, name="expense_receipt"),
]
