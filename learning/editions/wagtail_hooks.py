"""The "Learning" admin menu and the coordinators' dashboard panel."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup

from learning.attendance.views_admin import AttendanceReportViewSet, AttendanceViewSet
from learning.certificates.views_admin import CertificateViewSet
from learning.core.admin_panels import LearningDashboardPanel
from learning.enrolments.views_admin import EnrolmentViewSet
from learning.infosessions.views_admin import InfoSessionViewSet, RegistrationViewSet
from learning.privacy.views_admin import PersonDataViewSet

from .views_admin import EditionViewSet, MeetingViewSet


class LearningViewSetGroup(ModelViewSetGroup):
    """Editions, meetings, enrolments and information sessions, shown by permission."""

    menu_label = _("Learning")
    menu_icon = "group"
    menu_name = "learning"
    menu_order = 250
    items = (
        EditionViewSet,
        MeetingViewSet,
        EnrolmentViewSet,
        AttendanceViewSet,
        AttendanceReportViewSet,
        CertificateViewSet,
        InfoSessionViewSet,
        RegistrationViewSet,
        PersonDataViewSet,
    )


@hooks.register("register_admin_viewset")
def register_learning_viewsets() -> LearningViewSetGroup:
    return LearningViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_learning_dashboard_panel(request: HttpRequest, panels: list[Any]) -> None:
    panel = LearningDashboardPanel(user=request.user)
    if panel.is_shown:
        panels.append(panel)
