"""Editions and meetings in the Learning admin menu; the coordinators' panel."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .admin_panels import LearningDashboardPanel
from .views_admin import EditionViewSet, MeetingViewSet


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(10, EditionViewSet), (20, MeetingViewSet)]


@hooks.register("register_log_actions")
def register_edition_log_actions(actions: Any) -> None:
    actions.register_action(
        "editions.facilitators_set",
        _("Set facilitators"),
        _("Edition facilitators changed"),
    )


@hooks.register("construct_homepage_panels")
def add_learning_dashboard_panel(request: HttpRequest, panels: list[Any]) -> None:
    panel = LearningDashboardPanel(user=request.user)
    if panel.is_shown:
        panels.append(panel)
