from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class StoryFilterForm(forms.Form):
    """The stories index's ?tag= and ?area= filters: slugs, or no filter at all."""

    tag = forms.SlugField(allow_unicode=True, max_length=100, required=False)
    area = forms.SlugField(allow_unicode=True, max_length=100, required=False)

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters; a malformed one (a NUL byte, a space) is dropped."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class StoryPageForm(WagtailAdminPageForm):
    """Refuses to publish a story about a champion without their current consent."""

    def clean(self):
        cleaned = super().clean()
        publishing = "action-publish" in self.data
        if publishing and not self.errors:
            page = self.instance
            for field in ("champion", "hero_image", "body"):
                if field in cleaned:
                    setattr(page, field, cleaned[field])
            for problem in page.consent_problems():
                self.add_error("champion", problem)
        return cleaned


class OutcomePageForm(WagtailAdminPageForm):
    """Requires a reason when an outcome is not taken forward."""

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == "not_taken_forward"
            and not cleaned.get("status_reason", "").strip()
        ):
            self.add_error("status_reason", "Say why this was not taken forward.")
        return cleaned
