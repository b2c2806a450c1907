"""Shaping learning data for the public pages: translated titles and schedules."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page

from learning.catalogue.models import ModulePage, ProgrammePage
from learning.core.pages import title_localized, titles_localized
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import edition_list_for_programme, edition_schedule

from .selectors import EditionAvailability, edition_get_availability

# Statuses in which the edition takes a new enrolment: a place or the waitlist.
ENROLLING_STATUSES = (EditionStatus.OPEN, EditionStatus.FULLY_BOOKED)


@dataclass
class MeetingRow:
    """A meeting as the schedule lists it, with its title in the page's language."""

    title: str
    starts_at: datetime
    ends_at: datetime


@dataclass
class ModuleRow:
    """A module's title in the page's language and its meetings (None: no module)."""

    title: str | None
    meetings: list[MeetingRow] = field(default_factory=list)


@dataclass
class EditionCard:
    """An edition with its availability and schedule, for the programme page."""

    edition: Edition
    availability: EditionAvailability
    schedule: list[ModuleRow]

    @property
    def is_enrolling(self) -> bool:
        """Whether the page offers the enrolment form (a place or the waitlist)."""
        return self.availability.status in ENROLLING_STATUSES


def edition_cards_for_programme(
    *, programme: ProgrammePage, now: datetime | None = None
) -> list[EditionCard]:
    """The programme's editions, soonest first, with availability and schedule."""
    now = now or timezone.now()
    editions = edition_list_for_programme(programme=programme).order_by(
        "starts_on", "pk"
    )
    return [
        EditionCard(
            edition=edition,
            availability=edition_get_availability(edition=edition, now=now),
            schedule=schedule_rows(edition=edition),
        )
        for edition in editions
    ]


def schedule_rows(*, edition: Edition) -> list[ModuleRow]:
    """The edition's schedule by module, with titles in the active language."""
    groups = edition_schedule(edition=edition)
    meetings = [meeting for group in groups for meeting in group.meetings]
    pages: list[Page] = [group.module for group in groups if group.module]
    pages += [m.session_topic for m in meetings if m.session_topic is not None]
    titles = titles_localized(pages=pages)
    return [
        ModuleRow(
            title=title_localized(page=group.module, titles=titles)
            if group.module
            else None,
            meetings=[_meeting_row(meeting, titles) for meeting in group.meetings],
        )
        for group in groups
    ]


def _meeting_row(meeting: Meeting, titles: dict[object, str]) -> MeetingRow:
    title = meeting.display_title
    if not meeting.title and meeting.session_topic is not None:
        title = title_localized(page=meeting.session_topic, titles=titles)
    return MeetingRow(title=title, starts_at=meeting.starts_at, ends_at=meeting.ends_at)


def module_choices(*, modules: QuerySet[ModulePage]) -> list[tuple[str, str]]:
    """(pk, translated title) of the modules, for checkboxes."""
    module_list = list(modules)
    titles = titles_localized(pages=module_list)
    return [
        (str(module.pk), title_localized(page=module, titles=titles))
        for module in module_list
    ]
