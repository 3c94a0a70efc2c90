from django.urls import path

from . import views

app_name = "champions"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile_edit, name="profile"),
    path("consents/", views.consents, name="consents"),
    path("my-data.json", views.my_data, name="my_data"),
    path("erase/", views.erase, name="erase"),
    path("training/transcript.pdf", views.transcript, name="transcript"),
    path("training/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
]
