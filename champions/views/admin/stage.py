"""The staff screen that moves a champion to another stage."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from ...choices import Stage
from ...forms.journey import ChangeStageForm
from ...models import Champion
from ...selectors.champions import champions_with_progress
from ...selectors.readiness import champion_readiness_gaps
from ...selectors.training import training_modules_required
from ...services.journey import NotReady, champion_change_stage
from .base import AdminFormView


class ChangeStageView(AdminFormView):
    """Move a champion to another stage; becoming active is blocked until they are ready."""

    model = Champion
    permission_required = "change"
    template_name = "champions/admin/change_stage.html"
    page_title = "Change stage"
    header_icon = "resubmit"
    form_class = ChangeStageForm
    submit_button_label = "Change stage"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(champions_with_progress(), pk=kwargs["pk"])

    @cached_property
    def can_override(self):
        return self.request.user.has_perm("champions.override_readiness")

    def get_page_subtitle(self):
        return str(self.object)

    def get_parents(self):
        return [
            (reverse("champions_champion:index"), "Champions"),
            (self.inspect_url, str(self.object)),
        ]

    @cached_property
    def inspect_url(self):
        return reverse("champions_champion:inspect", args=[self.object.pk])

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "champion": self.object,
            "can_override": self.can_override,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            gaps=champion_readiness_gaps(
                self.object, training_modules_required(), timezone.localdate()
            ),
            can_override=self.can_override,
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            champion_change_stage(
                champion=self.object,
                to_stage=data["to_stage"],
                by=self.request.user,
                reason=data["reason"],
                override=data.get("override", False),
            )
        except NotReady:
            form.add_error(None, "Not ready to become active: see what is missing above.")
            if self.can_override:
                form.add_error("override", "Tick this and give a reason to override.")
            return self.form_invalid(form)
        except PermissionDenied:
            form.add_error(None, "You may not override the readiness rule.")
            return self.form_invalid(form)
        except ValidationError as e:
            form.add_error("reason" if data.get("override") else None, e)
            return self.form_invalid(form)
        messages.success(self.request, f"{self.object} is now “{Stage(data['to_stage']).label}”.")
        return redirect(self.inspect_url)
