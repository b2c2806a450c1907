"""A seminar's runs on its programme page: where, when, and what each day holds."""

from typing import Any

from django import template

from learning.catalogue.models import ProgrammePage
from learning.editions.display import run_cards_for_programme

register = template.Library()


@register.inclusion_tag("pages/includes/seminar_runs.html")
def programme_runs_by_day(programme: ProgrammePage) -> dict[str, Any]:
    """The programme's runs with their location and sessions grouped by day."""
    return {
        "programme": programme,
        "runs": run_cards_for_programme(programme=programme),
    }
