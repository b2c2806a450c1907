"""The dashboard's warning when the clock has stopped ticking."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .selectors import ClockHealth, clock_health


class ClockStoppedPanel(Component):
    """Shown only while the clock has missed more than two ticks (or never ran)."""

    name = "scheduling_clock_stopped"
    template_name = "learning_scheduling/admin/clock_panel.html"
    order = 10

    def __init__(self) -> None:
        self.health: ClockHealth = clock_health(now=timezone.now())

    @property
    def is_shown(self) -> bool:
        return self.health.is_stale

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        return {"clock": self.health}
