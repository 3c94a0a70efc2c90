from django.urls import path

from . import story_views

app_name = "stories"
urlpatterns = [
    path("", story_views.my_stories, name="mine"),
    path("new/", story_views.story_new, name="new"),
]
