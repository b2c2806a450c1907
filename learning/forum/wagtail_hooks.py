"""The forum in the admin: its audit log actions (who flagged, hid, dismissed,
pinned or locked what, when), Learning → Flagged posts and its dashboard panel."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .views_admin import FlaggedPostsPanel, FlaggedPostsViewSet, forum_moderates_any

FORUM_LOG_ACTIONS = (
    ("forum.flag", _("Flag forum post"), _("Forum post flagged")),
    ("forum.hide", _("Hide forum post"), _("Forum post hidden")),
    ("forum.restore", _("Restore forum post"), _("Forum post restored")),
    (
        "forum.dismiss",
        _("Dismiss forum post flags"),
        _("Forum post flags dismissed"),
    ),
    ("forum.pin", _("Pin forum thread"), _("Forum thread pinned")),
    ("forum.unpin", _("Unpin forum thread"), _("Forum thread unpinned")),
    ("forum.lock", _("Lock forum thread"), _("Forum thread locked")),
    ("forum.unlock", _("Unlock forum thread"), _("Forum thread unlocked")),
    ("forum.mode", _("Change forum thread mode"), _("Forum thread mode changed")),
)


@hooks.register("register_log_actions")
def register_forum_log_actions(actions: Any) -> None:
    for action, label, message in FORUM_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(55, FlaggedPostsViewSet)]


@hooks.register("construct_homepage_panels")
def add_flagged_posts_panel(request: HttpRequest, panels: list[Any]) -> None:
    if not forum_moderates_any(request.user):
        return
    panel = FlaggedPostsPanel(user=request.user)
    if panel.count:
        panels.append(panel)
