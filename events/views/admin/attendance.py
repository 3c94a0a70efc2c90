"""The attendance register: one screen for present/absent, walk-ins and head counts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from ...choices import AttendeeRole, RegistrationStatus
from ...forms.attendance import AttendanceForm, WalkInFormSet
from ...models import Registration
from ...selectors.attendance import event_register, meeting_quorum_for
from ...services.attendance import WalkInData, attendance_record
from .base import EventActionView


class AttendanceRegisterView(EventActionView):
    """One screen for the whole register: present/absent, walk-ins and head counts, one submit.

    Reads and writes in a constant number of queries however many are booked.
    """

    page_title = "Attendance register"
    template_name = "events/admin/attendance_register.html"

    def get_forms(self, data=None):
        self.registrations = list(event_register(self.event))
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
                summary = attendance_record(
                    event=self.event,
                    marks=form.marks(),
                    families_reached=form.cleaned_data["families_reached"],
                    children_reached=form.cleaned_data["children_reached"],
                    new_walk_ins=[
                        WalkInData(
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
            quorum=meeting_quorum_for(
                self.event, champions_present=present, parent_walk_ins=parent_walk_ins
            ),
            waiting=Registration.objects.filter(
                event=self.event, status=RegistrationStatus.WAITING
            ).select_related("champion__user", "champion__area"),
        )
        return context
