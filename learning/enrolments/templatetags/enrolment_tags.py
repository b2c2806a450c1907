"""The editions block of a programme page."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from learning.catalogue.models import ProgrammePage
from learning.core.kept_blocks import KeptRendering, kept_page_block
from learning.editions.enums import EDITION_NOT_ENROLLING
from learning.editions.selectors import editions_status_change_at
from learning.enrolments.display import edition_cards_for_programme
from learning.enrolments.enums import ENROLMENT_OF_IS_NOW
from learning.enrolments.models import Enrolment

register = template.Library()
EDITIONS_TEMPLATE = "learning/enrolments/programme_editions.html"


@register.simple_tag
def programme_editions(programme: ProgrammePage) -> SafeString:
    """The programme's editions with status, places left and schedule; each
    edition's dates and times in its own zone (`Edition.zone_name`). The same
    for every reader (learning.core.kept_blocks)."""
    return kept_page_block(
        name="programme_editions",
        page=programme,
        render=lambda: _editions_rendering(programme),
    )


def _editions_rendering(programme: ProgrammePage) -> KeptRendering:
    now = timezone.now()
    cards = edition_cards_for_programme(programme=programme, now=now)
    context = {"programme": programme, "cards": cards}
    return KeptRendering(
        html=render_to_string(EDITIONS_TEMPLATE, context),
        changes_at=editions_status_change_at(
            editions=[c.edition for c in cards], now=now
        ),
    )


@register.filter
def enrolment_status_now(enrolment: Enrolment) -> str:
    """ "The enrolment of <organisation> is now …", one sentence per status."""
    sentence = ENROLMENT_OF_IS_NOW[enrolment.status]
    return sentence % {"organisation": enrolment.organisation.name}


@register.filter
def edition_not_enrolling(status: str) -> str:
    """Why an edition in this status takes no enrolment, as a whole sentence."""
    return str(
        EDITION_NOT_ENROLLING.get(
            status, gettext("This edition does not take enrolments now.")
        )
    )
