"""The form a champion drafts their own story with."""

from django import forms
from django.utils.text import slugify

from accounts.image_forms import CheckedImageField
from champions.choices import ConsentKind
from champions.forms.fields import submission_key_field
from champions.wording import consent_wording


class ChampionStoryForm(forms.Form):
    """A champion's own story draft: what they write goes to staff for review."""

    title = forms.CharField(max_length=120, help_text="A short headline, e.g. “Finding my voice”.")
    summary = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences that sum it up.",
    )
    text = forms.CharField(
        label="Your story",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Leave a blank line between paragraphs.",
    )
    photo = CheckedImageField(required=False, help_text="Optional. JPEG, PNG or WebP, up to 10 MB.")
    photo_alt = forms.CharField(
        label="Describe the photo",
        max_length=255,
        required=False,
        help_text="For people who cannot see it, e.g. “Me with my daughter at the stay-and-play”.",
    )
    story_consent = forms.BooleanField(
        help_text="You can withdraw this at any time from “My consents”."
    )
    photo_consent = forms.BooleanField(
        required=False, help_text="Only needed to send a photo with your story."
    )
    submission_key = submission_key_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same wording as on "My consents" (champions.wording): what the consent records.
        for name, kind in (
            ("story_consent", ConsentKind.STORY),
            ("photo_consent", ConsentKind.PHOTO),
        ):
            self.fields[name].label = f"I agree: {consent_wording(kind).statement}"

    def clean_title(self):
        title = self.cleaned_data["title"]
        # The page's address is made from the title: it needs something to make it from.
        if not slugify(title, allow_unicode=True):
            raise forms.ValidationError("Use at least one letter or number in the title.")
        return title

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo"):
            if not cleaned.get("photo_alt", "").strip():
                self.add_error("photo_alt", "Describe the photo for people who cannot see it.")
            if not cleaned.get("photo_consent"):
                self.add_error("photo_consent", "Tick this to send a photo with your story.")
        return cleaned
