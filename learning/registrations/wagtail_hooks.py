"""Seminar registrations in the Learning admin menu, and their log actions."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .services import LOG_CANCELLED, LOG_PROMOTED
from .views_admin import RegistrationViewSet

REGISTRATION_LOG_ACTIONS = (
    (LOG_CANCELLED, _("Cancel the registration"), _("Registration cancelled")),
    (
        LOG_PROMOTED,
        _("Give a waitlisted person a place"),
        _("Place given from the waitlist"),
    ),
)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions: Any) -> None:
    for action, label, message in REGISTRATION_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(76, RegistrationViewSet)]
