"""Staff screens beside the Event viewset: the attendance register and cancelling an event."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .choices import AttendeeRole, EventStatus, RegistrationStatus
from .forms import AttendanceForm, CancelEventForm, WalkInFormSet
from .models import Event, Registration


class EventActionView(WagtailAdminTemplateMixin, TemplateView):
    """Base for screens about one event, reached from the events listing."""

    index_url_name = ""
    edit_url_name = ""
    header_icon = "date"
    write_permission = "events.change_event"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_event"):
            raise PermissionDenied
        if request.method == "POST" and not self.can_write():
            raise PermissionDenied
        self.event = get_object_or_404(
            Event.objects.select_related("area", "training_module"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def can_write(self):
        return self.request.user.has_perm(self.write_permission)

    def get_page_subtitle(self):
        return str(self.event)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Events"},
            {"url": reverse(self.edit_url_name, args=[self.event.pk]), "label": str(self.event)},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, can_write=self.can_write(), **kwargs)


class AttendanceRegisterView(EventActionView):
    """One screen for the whole register: present/absent, walk-ins and head counts, one submit.

    Reads and writes in a constant number of queries however many are booked.
    """

    page_title = "Attendance register"
    template_name = "events/admin/attendance_register.html"

    def get_forms(self, data=None):
        self.registrations = list(selectors.event_register(self.event))
        self.walk_ins = list(self.event.walk_ins.all())
        form = AttendanceForm(
            data,
            registrations=self.registrations,
            walk_ins=self.walk_ins,
            initial={
                "families_reached": self.event.families_reached,
                "children_reached": self.event.children_reached,
            },
        )
        return form, WalkInFormSet(data, prefix="walkin")

    def get(self, request, *args, **kwargs):
        form, formset = self.get_forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.get_forms(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                summary = services.attendance_record(
                    event=self.event,
                    marks=form.marks(),
                    families_reached=form.cleaned_data["families_reached"],
                    children_reached=form.cleaned_data["children_reached"],
                    new_walk_ins=[
                        services.WalkInData(
                            role=row["role"], name=row["name"], organisation=row["organisation"]
                        )
                        for row in formset.cleaned_data
                        if row.get("role")
                    ],
                    remove_walk_in_ids=[int(pk) for pk in form.cleaned_data["remove_walk_ins"]],
                    by=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    f"Attendance saved: {summary['present']} present, {summary['absent']} "
                    f"absent, {summary['walk_ins_added']} walk-ins added.",
                )
                return redirect(request.path)
        else:
            messages.error(request, "The register could not be saved. Please correct the errors.")
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        present = sum(1 for r in self.registrations if r.attended)
        parent_walk_ins = sum(1 for w in self.walk_ins if w.role == AttendeeRole.PARENT)
        context.update(
            registrations=self.registrations,
            walk_ins=self.walk_ins,
            present=present,
            quorum=selectors.quorum_for(
                self.event, champions_present=present, parent_walk_ins=parent_walk_ins
            ),
            waiting=Registration.objects.filter(
                event=self.event, status=RegistrationStatus.WAITING
            ).select_related("champion"),
        )
        return context


class CancelEventView(EventActionView):
    """Cancel an event with a reason; everyone booked is told by e-mail."""

    page_title = "Cancel event"
    template_name = "events/admin/cancel_event.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=CancelEventForm()))

    def post(self, request, *args, **kwargs):
        form = CancelEventForm(request.POST)
        if form.is_valid():
            try:
                services.event_cancel(
                    event=self.event, reason=form.cleaned_data["reason"], by=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, f"“{self.event.title}” is cancelled; everyone booked is being told."
                )
                return redirect(self.index_url_name)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["already_cancelled"] = self.event.status == EventStatus.CANCELLED
        context["booked"] = Registration.objects.filter(
            event=self.event, status=RegistrationStatus.BOOKED
        ).count()
        return context
