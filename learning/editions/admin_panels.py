"""The coordinators' dashboard panel on the Wagtail admin's home page."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from learning.core.views_openings import opening_url

from .models import Edition, Meeting
from .selectors import (
    edition_list_open,
    edition_places_left,
    meeting_list_upcoming,
)

UPCOMING_DAYS = 14


def _can_see(user: Any, model: type) -> bool:
    policy = policy_registry.get_by_type(model)
    return bool(policy.user_has_any_permission(user, ["add", "change", "view"]))


class LearningDashboardPanel(Component):
    """Upcoming meetings and places per open edition, in two queries."""

    name = "learning_dashboard"
    template_name = "learning/admin/dashboard_panel.html"
    order = 50

    def __init__(self, *, user: Any) -> None:
        self.show_meetings = _can_see(user, Meeting)
        self.show_editions = _can_see(user, Edition)

    @property
    def is_shown(self) -> bool:
        return self.show_meetings or self.show_editions

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        now = timezone.now()
        meetings = editions = None
        if self.show_meetings:
            meetings = list(meeting_list_upcoming(now=now, days=UPCOMING_DAYS))
        if self.show_editions:
            # With the gate's decision (`opening_state`, `opening_outdated_since`
            # from edition_list_open): held, or open with a translation outdated.
            listed = edition_list_open(now=now)
            editions = [
                (edition, edition_places_left(edition=edition), opening_url(edition))
                for edition in listed
            ]
        return {"meetings": meetings, "editions": editions, "days": UPCOMING_DAYS}
