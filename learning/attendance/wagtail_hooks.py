"""Audit log actions of attendance: who marked whom, when, from what to what."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .views_admin import AttendanceReportViewSet, AttendanceViewSet

ATTENDANCE_LOG_ACTIONS = (
    ("attendance.mark", _("Mark attendance"), _("Attendance marked")),
    (
        "attendance.import",
        _("Import a Zoom attendance report"),
        _("Attendance imported from a Zoom report"),
    ),
)


@hooks.register("register_log_actions")
def register_attendance_log_actions(actions: Any) -> None:
    for action, label, message in ATTENDANCE_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(40, AttendanceViewSet), (50, AttendanceReportViewSet)]
