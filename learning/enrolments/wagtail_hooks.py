"""Audit log actions of enrolments: who decided what on an enrolment, and when."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .views_admin import EnrolmentViewSet

ENROLMENT_LOG_ACTIONS = (
    ("enrolments.confirm", _("Confirm enrolment"), _("Enrolment confirmed")),
    ("enrolments.reject", _("Reject enrolment"), _("Enrolment rejected")),
    ("enrolments.withdraw", _("Withdraw enrolment"), _("Enrolment withdrawn")),
    (
        "enrolments.promote",
        _("Move enrolment from the waitlist"),
        _("Enrolment moved from the waitlist to a confirmed place"),
    ),
    (
        "enrolments.offer_accept",
        _("Accept offered place"),
        _("Offered place accepted by the organisation"),
    ),
    (
        "enrolments.offer_decline",
        _("Decline offered place"),
        _("Offered place declined by the organisation"),
    ),
    (
        "enrolments.offer_expire",
        _("Offered place lapsed"),
        _("Offered place lapsed unanswered and went to the next organisation"),
    ),
    (
        "enrolments.representative_replace",
        _("Replace representative"),
        _("Representative replaced"),
    ),
    (
        "enrolments.organisation_merge",
        _("Merge organisations"),
        _("Organisation merged into this one"),
    ),
    (
        "enrolments.organisation_keep_separate",
        _("Keep organisations separate"),
        _("Organisation kept apart from a possible duplicate"),
    ),
)


@hooks.register("register_log_actions")
def register_enrolment_log_actions(actions: Any) -> None:
    for action, label, message in ENROLMENT_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(30, EnrolmentViewSet)]
