from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("receipts/", views.notify_receipt, name="notify_receipt"),
    path("replies/", views.notify_reply, name="notify_reply"),
]
