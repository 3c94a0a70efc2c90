"""The champion's reflection after a supervision."""

from django import forms

from ..models import SupervisionReflection


class ReflectionForm(forms.ModelForm):
    """What went well and what they need: at least one of the two."""

    class Meta:
        model = SupervisionReflection
        fields = ["went_well", "needs"]
        widgets = {
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("went_well", "").strip() or cleaned.get("needs", "").strip()):
            raise forms.ValidationError("Write what went well, what you need, or both.")
        return cleaned
