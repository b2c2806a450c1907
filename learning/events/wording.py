"""What the site calls a programme's events: "learning events" or "sessions".

A member-led session from a proposal is an event in every respect but its name;
the name is chosen here, once, by the programme's format.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from learning.catalogue.enums import ProgrammeFormat


@dataclass(frozen=True)
class EventWording:
    """The labels of one kind of event, translated when shown."""

    kind: str | Promise
    heading: str | Promise
    upcoming: str | Promise
    past: str | Promise


EVENTS = EventWording(
    kind=_("Learning event"),
    heading=_("Learning events"),
    upcoming=_("Upcoming events"),
    past=_("Past events"),
)
SESSIONS = EventWording(
    kind=_("Session"),
    heading=_("Sessions"),
    upcoming=_("Upcoming sessions"),
    past=_("Past sessions"),
)


def event_wording(*, page: Page | None) -> EventWording:
    """The wording for a programme page, or for an event page (by its programme)."""
    programme_format = getattr(page, "programme_format", None)
    if programme_format is None and page is not None:
        parent = page.get_parent()
        programme_format = getattr(
            parent.specific if parent else None, "programme_format", None
        )
    if programme_format == ProgrammeFormat.PROPOSAL_SESSIONS:
        return SESSIONS
    return EVENTS
