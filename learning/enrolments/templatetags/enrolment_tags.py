"""The editions block of a programme page."""

from typing import Any

from django import template

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.enrolments.display import edition_cards_for_programme

register = template.Library()


@register.inclusion_tag("learning/enrolments/programme_editions.html")
def programme_editions(programme: ProgrammePage) -> dict[str, Any]:
    """The programme's editions with status, places left and schedule."""
    return {
        "programme": programme,
        # The source page's zone, so that every language shows the same times.
        "time_zone": page_source_get(page=programme).time_zone,
        "cards": edition_cards_for_programme(programme=programme),
    }
