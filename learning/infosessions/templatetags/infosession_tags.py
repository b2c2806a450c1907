"""The information sessions block of a programme page."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.kept_blocks import KeptRendering, kept_page_block
from learning.infosessions.selectors import (
    infosession_list_upcoming,
    infosession_signup_state,
    infosession_upcoming_changes_at,
)

register = template.Library()
TEMPLATE = "learning/infosessions/programme_infosessions.html"


@register.simple_tag
def programme_infosessions(programme: ProgrammePage) -> SafeString:
    """The programme's upcoming information sessions with their sign-up state,
    the same for every reader (learning.core.kept_blocks)."""
    return kept_page_block(
        name="programme_infosessions",
        page=programme,
        render=lambda: _rendering(programme),
    )


def _rendering(programme: ProgrammePage) -> KeptRendering:
    now = timezone.now()
    sessions = list(infosession_list_upcoming(programme=programme, now=now))
    context = {
        "programme": programme,
        # The source page's zone, so that every language shows the same times.
        "time_zone": page_source_get(page=programme).time_zone,
        "sessions": [
            (session, infosession_signup_state(session=session, now=now))
            for session in sessions
        ],
    }
    return KeptRendering(
        html=render_to_string(TEMPLATE, context),
        changes_at=infosession_upcoming_changes_at(sessions=sessions, now=now),
    )
