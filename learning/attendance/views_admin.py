"""Learning → Attendance (marks, through the services) and Attendance report.

Coordinators see every edition; facilitators see the editions they facilitate.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from learning.core.admin_views import (
    LearningModelViewSet,
    ServiceCreateView,
    ServiceEditView,
)
from learning.core.csv_export import csv_response
from learning.editions.models import Edition, Meeting
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.membership import (
    edition_list_facilitated,
    edition_list_for_member,
    user_is_coordinator,
)
from learning.enrolments.models import Participant

from .enums import AttendanceSource
from .models import Attendance
from .permissions import attendance_can_mark
from .selectors import attendance_report_for_edition
from .services import attendance_mark


def editions_for_marker(user: Any) -> QuerySet[Edition]:
    """Editions whose attendance the user runs: all for coordinators."""
    if user_is_coordinator(user=user):
        return Edition.objects.all()
    return edition_list_facilitated(user=user)


class AttendanceForm(WagtailAdminModelForm):
    """Meeting and participant limited to the editions the user runs."""

    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        editions = editions_for_marker(for_user)
        if "meeting" in self.fields:
            self.fields["meeting"].queryset = Meeting.objects.filter(
                edition__in=editions
            ).select_related("edition", "session_topic")
        if "participant" in self.fields:
            self.fields["participant"].queryset = _members_of(editions)


def _members_of(editions: Any) -> Any:
    return Participant.objects.filter(
        edition__in=editions,
        is_active=True,
        enrolment__status=EnrolmentStatus.CONFIRMED,
    ).select_related("edition")


class AttendanceIndexView(generic.IndexView):
    """Marks of the editions the user runs, newest meeting first."""

    def get_base_queryset(self) -> Any:
        return Attendance.objects.filter(
            meeting__edition__in=editions_for_marker(self.request.user)
        ).select_related("meeting__edition", "meeting__session_topic", "participant")


class AttendanceCreateView(ServiceCreateView):
    """Marks through attendance_mark (source: admin)."""

    log_action = None  # the mark's own timestamps are its record

    def service_call(self, data: dict[str, Any]) -> Attendance:
        return attendance_mark(
            meeting=data["meeting"],
            participant=data["participant"],
            status=data["status"],
            actor=self.request.user,
            source=AttendanceSource.ADMIN,
        )


class AttendanceEditView(ServiceEditView):
    """Changes a mark's status through attendance_mark (source: admin)."""

    log_action = None  # the mark's own timestamps are its record

    def get_object(self, queryset: Any = None) -> Attendance:
        mark: Attendance = super().get_object(queryset)
        if not attendance_can_mark(
            user=self.request.user, edition=mark.meeting.edition
        ):
            raise Http404
        return mark

    def service_call(self, data: dict[str, Any]) -> Attendance:
        stored = Attendance.objects.select_related("meeting", "participant").get(
            pk=self.object.pk
        )
        return attendance_mark(
            meeting=stored.meeting,
            participant=stored.participant,
            status=self.form.cleaned_data["status"],
            actor=self.request.user,
            source=AttendanceSource.ADMIN,
        )


class AttendanceViewSet(LearningModelViewSet):
    """Learning → Attendance: list, filter and mark; writes through the service."""

    model = Attendance
    name = "learning_attendance"
    url_prefix = "learning/attendance"
    icon = "tick"
    menu_label = _("Attendance")
    index_view_class = AttendanceIndexView
    add_view_class = AttendanceCreateView
    edit_view_class = AttendanceEditView
    list_filter = ["status", "source", "meeting__edition"]
    search_fields = ["participant__name", "participant__email"]
    list_display = ["participant", "meeting", "status", "source", "marked_at"]
    edit_handler = ObjectList(
        [FieldPanel("status", widget=forms.RadioSelect)],
        base_form_class=AttendanceForm,
    )
    create_handler = ObjectList(
        [
            FieldPanel("meeting"),
            FieldPanel("participant"),
            FieldPanel("status", widget=forms.RadioSelect),
        ],
        base_form_class=AttendanceForm,
    ).bind_to_model(Attendance)


# The report ------------------------------------------------------------------------


def _report_edition(request: HttpRequest, edition_id: int) -> Edition:
    try:
        edition = edition_list_for_member(user=request.user).get(pk=edition_id)
    except Edition.DoesNotExist as error:
        raise Http404 from error
    if not attendance_can_mark(user=request.user, edition=edition):
        raise Http404
    return edition


class ReportMixin(WagtailAdminTemplateMixin):
    header_icon = "tick"
    page_title = _("Attendance report")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not (
            user_is_coordinator(user=request.user)
            or edition_list_facilitated(user=request.user).exists()
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ReportIndexView(ReportMixin, TemplateView):
    """The editions whose attendance the user may see; coordinators see all."""

    template_name = "learning/attendance/admin/report_index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["editions"] = editions_for_marker(self.request.user).select_related(
            "programme"
        )
        return context


class ReportView(ReportMixin, TemplateView):
    """One edition's attendance by meeting, module and organisation, with charts.

    Access: coordinators, and the edition's facilitators (404 for others).
    `?format=csv` downloads one row per participant.
    """

    template_name = "learning/attendance/admin/report.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        edition = _report_edition(request, kwargs["edition_id"])
        report = attendance_report_for_edition(edition=edition)
        if request.GET.get("format") == "csv":
            return _report_csv(report)
        return self.render_to_response(
            self.get_context_data(
                edition=edition,
                report=report,
                threshold=edition.programme.certificate_attendance_threshold,
                csv_url=f"{request.path}?format=csv",
            )
        )

    def get_page_subtitle(self) -> str:
        return ""


def _report_csv(report: Any) -> HttpResponse:
    slug = report.edition.slug or report.edition.pk
    header = [
        _("Organisation"),
        _("Participant"),
        _("Email"),
        _("Present"),
        _("Absent"),
        _("Excused"),
        _("Not marked"),
        _("Attendance (%)"),
    ]
    rows = (
        [
            participant.enrolment.organisation.name,
            participant.name,
            participant.email,
            tally.present,
            tally.absent,
            tally.excused,
            tally.unmarked,
            "" if tally.percent is None else tally.percent,
        ]
        for participant, tally in report.people
    )
    return csv_response(filename=f"attendance-{slug}.csv", header=header, rows=rows)


class ReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return (
            user_is_coordinator(user=request.user)
            or edition_list_facilitated(user=request.user).exists()
        )


class AttendanceReportViewSet(ViewSet):
    """Learning → Attendance report."""

    name = "learning_attendance_report"
    url_prefix = "learning/attendance-report"
    icon = "table"
    menu_label = _("Attendance report")
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", ReportIndexView.as_view(), name="index"),
            path("<int:edition_id>/", ReportView.as_view(), name="edition"),
        ]


def report_url(edition: Edition) -> str:
    return reverse("learning_attendance_report:edition", args=[edition.pk])
