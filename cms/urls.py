from django.urls import path

from .views import stories

app_name = "stories"
urlpatterns = [
    path("", stories.my_stories, name="mine"),
    path("new/", stories.story_new, name="new"),
]
