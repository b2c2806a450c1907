"""Editions on the public pages: a run's days, with titles in the page's language."""

from dataclasses import dataclass, field
from datetime import date, datetime

from wagtail.models import Page

from learning.catalogue.models import ProgrammePage
from learning.core.pages import title_localized, titles_localized

from .models import Edition
from .selectors import (
    ScheduleSession,
    edition_list_for_programme,
    edition_schedule_by_day,
)


@dataclass
class SessionRow:
    """A session of a day, with its module's number and title in the page's language."""

    title: str
    starts_at: datetime
    ends_at: datetime
    module_number: int | None = None
    module_title: str = ""


@dataclass
class DayRow:
    """One day of a run; `number` is None outside the run's dates."""

    day: date
    number: int | None
    sessions: list[SessionRow] = field(default_factory=list)


@dataclass
class RunCard:
    """One run of a programme with its days, for the programme page."""

    edition: Edition
    days: list[DayRow]


def run_cards_for_programme(*, programme: ProgrammePage) -> list[RunCard]:
    """The programme's runs (any translation of it), soonest first, by day."""
    editions = edition_list_for_programme(programme=programme).order_by(
        "starts_on", "pk"
    )
    return [
        RunCard(edition=edition, days=day_rows(edition=edition)) for edition in editions
    ]


def day_rows(*, edition: Edition) -> list[DayRow]:
    """The run's sessions by day, with titles in the active language."""
    days = edition_schedule_by_day(edition=edition)
    sessions = [session for day in days for session in day.sessions]
    titles = titles_localized(pages=_pages_of(sessions))
    return [
        DayRow(
            day=day.day,
            number=day.number,
            sessions=[_session_row(session, titles) for session in day.sessions],
        )
        for day in days
    ]


def _pages_of(sessions: list[ScheduleSession]) -> list[Page]:
    pages: list[Page] = [s.module for s in sessions if s.module is not None]
    topics = [s.meeting.session_topic for s in sessions]
    return pages + [topic for topic in topics if topic is not None]


def _session_row(session: ScheduleSession, titles: dict[object, str]) -> SessionRow:
    meeting, module = session.meeting, session.module
    title = meeting.display_title
    if not meeting.title and meeting.session_topic is not None:
        title = title_localized(page=meeting.session_topic, titles=titles)
    return SessionRow(
        title=title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        module_number=module.module_number if module else None,
        module_title=title_localized(page=module, titles=titles) if module else "",
    )
