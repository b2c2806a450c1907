"""The editions block of a programme page."""

from typing import Any

from django import template
from django.utils.translation import gettext

from learning.catalogue.models import ProgrammePage
from learning.editions.enums import EDITION_NOT_ENROLLING
from learning.enrolments.display import edition_cards_for_programme
from learning.enrolments.enums import ENROLMENT_OF_IS_NOW
from learning.enrolments.models import Enrolment

register = template.Library()


@register.inclusion_tag("learning/enrolments/programme_editions.html")
def programme_editions(programme: ProgrammePage) -> dict[str, Any]:
    """The programme's editions with status, places left and schedule; each
    edition's dates and times in its own zone (`Edition.zone_name`)."""
    return {
        "programme": programme,
        "cards": edition_cards_for_programme(programme=programme),
    }


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
