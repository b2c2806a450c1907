from typing import Any

from django import template

from learning.editions.models import Edition

from ..selectors import registration_state

register = template.Library()


@register.inclusion_tag("learning/registrations/run_register.html")
def run_registration(edition: Edition) -> dict[str, Any]:
    """A seminar run's registration state and its Register link while open."""
    return {"edition": edition, "state": registration_state(edition=edition)}
