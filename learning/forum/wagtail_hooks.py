"""Audit log actions of the forum: who flagged, hid, pinned or locked what, when."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

FORUM_LOG_ACTIONS = (
    ("forum.flag", _("Flag forum post"), _("Forum post flagged")),
    ("forum.hide", _("Hide forum post"), _("Forum post hidden")),
    ("forum.restore", _("Restore forum post"), _("Forum post restored")),
    ("forum.pin", _("Pin forum thread"), _("Forum thread pinned")),
    ("forum.unpin", _("Unpin forum thread"), _("Forum thread unpinned")),
    ("forum.lock", _("Lock forum thread"), _("Forum thread locked")),
    ("forum.unlock", _("Unlock forum thread"), _("Forum thread unlocked")),
    ("forum.mode", _("Change forum thread mode"), _("Forum thread mode changed")),
)


@hooks.register("register_log_actions")
def register_forum_log_actions(actions):
    for action, label, message in FORUM_LOG_ACTIONS:
        actions.register_action(action, label, message)
