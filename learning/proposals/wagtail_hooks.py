"""Proposals and members in the Learning admin menu, and the review log actions."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .review import LOG_ACCEPTED, LOG_ASKED, LOG_DECLINED, LOG_REVIEWED
from .views_admin import MembershipViewSet, ProposalViewSet

PROPOSAL_LOG_ACTIONS = (
    (LOG_REVIEWED, _("Review"), _("Reviewed")),
    (LOG_ASKED, _("Ask the proposer"), _("Question sent to the proposer")),
    (LOG_ACCEPTED, _("Accept"), _("Accepted; the session's draft page was made")),
    (LOG_DECLINED, _("Decline"), _("Declined")),
)


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions: Any) -> None:
    for action, label, message in PROPOSAL_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(86, ProposalViewSet), (87, MembershipViewSet)]
