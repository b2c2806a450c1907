"""Learning events in the Learning admin menu, and their log actions."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .services import (
    LOG_BACKGROUND_SENT,
    LOG_NOTE_ANNOUNCED,
    LOG_RECORDING_DELETED,
    LOG_RECORDING_SAVED,
    LOG_RECORDINGS_ANNOUNCED,
)
from .views_admin import EventViewSet

EVENT_LOG_ACTIONS = (
    (
        LOG_BACKGROUND_SENT,
        _("Email the background documents"),
        _("Background documents emailed to the people attending"),
    ),
    (
        LOG_NOTE_ANNOUNCED,
        _("Announce the learning note"),
        _("Learning note announced to the people who attended"),
    ),
    (
        LOG_RECORDING_SAVED,
        _("Save a recording"),
        _("Recording link saved for a language track"),
    ),
    (
        LOG_RECORDING_DELETED,
        _("Remove a recording"),
        _("Recording link removed from a language track"),
    ),
    (
        LOG_RECORDINGS_ANNOUNCED,
        _("Announce the recordings"),
        _("Recordings announced to the people who registered"),
    ),
)


@hooks.register("register_log_actions")
def register_event_log_actions(actions: Any) -> None:
    for action, label, message in EVENT_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(85, EventViewSet)]
