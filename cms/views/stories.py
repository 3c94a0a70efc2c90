"""A champion's own stories: draft one from the dashboard and follow its review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from champions.access import champion_for_request

from ..forms.stories import ChampionStoryForm
from ..models import StoryPage
from ..services.stories import StoryIndexMissing, story_draft_submit


@login_required
def my_stories(request):
    champion = champion_for_request(request)
    stories = StoryPage.objects.filter(champion=champion).order_by("-latest_revision_created_at")
    rows = [(story, story.state_for_champion) for story in stories]
    return render(request, "cms/my_stories.html", {"rows": rows})


@login_required
def story_new(request):
    champion = champion_for_request(request)
    form = ChampionStoryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            story_draft_submit(
                champion=champion,
                title=data["title"],
                summary=data["summary"],
                text=data["text"],
                photo=data.get("photo"),
                photo_alt=data.get("photo_alt", ""),
                submission_key=data.get("submission_key"),
            )
        except StoryIndexMissing as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Thank you: your story has been sent to the team for review.")
            return redirect("stories:mine")
    return render(request, "cms/story_new.html", {"form": form})
