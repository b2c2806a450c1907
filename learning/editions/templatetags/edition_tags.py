"""A seminar's runs on its programme page: where, when, and what each day holds."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from learning.catalogue.models import ProgrammePage
from learning.core.kept_blocks import KeptRendering, kept_page_block
from learning.editions.display import run_cards_for_programme
from learning.editions.selectors import editions_status_change_at

register = template.Library()
RUNS_TEMPLATE = "pages/includes/seminar_runs.html"


@register.simple_tag
def programme_runs_by_day(programme: ProgrammePage) -> SafeString:
    """The programme's runs with their location, registration state and
    sessions grouped by day; the same for every reader
    (learning.core.kept_blocks)."""
    return kept_page_block(
        name="programme_runs_by_day",
        page=programme,
        render=lambda: _runs_rendering(programme),
    )


def _runs_rendering(programme: ProgrammePage) -> KeptRendering:
    now = timezone.now()
    runs = run_cards_for_programme(programme=programme)
    # A run's registration opens and closes with its enrolment window, among
    # the instants at which its edition's status turns.
    context = {"programme": programme, "runs": runs}
    return KeptRendering(
        html=render_to_string(RUNS_TEMPLATE, context),
        changes_at=editions_status_change_at(
            editions=[r.edition for r in runs], now=now
        ),
    )
