"""The information sessions block of a programme page."""

from typing import Any

from django import template

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.infosessions.selectors import (
    infosession_list_upcoming,
    infosession_signup_state,
)

register = template.Library()


@register.inclusion_tag("learning/infosessions/programme_infosessions.html")
def programme_infosessions(programme: ProgrammePage) -> dict[str, Any]:
    """The programme's upcoming information sessions with their sign-up state."""
    sessions = list(infosession_list_upcoming(programme=programme))
    return {
        "programme": programme,
        # The source page's zone, so that every language shows the same times.
        "time_zone": page_source_get(page=programme).time_zone,
        "sessions": [
            (session, infosession_signup_state(session=session)) for session in sessions
        ],
    }
