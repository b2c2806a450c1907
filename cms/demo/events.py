"""The demo's event series (seed 002): its pages as specs, dates and RSVPs as data.

The first event took place some weeks ago (people answered before its deadline; its
learning note is out); the second is in a few weeks and takes answers now. Dates are
relative to the day of the first run, in the organiser's time zone; a later run finds
both events by their pages and changes nothing. Everything goes through the events
services, so the demo's answers satisfy the same rules as a visitor's.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.events.models import Event, LearningEventPage
from learning.events.services import (
    event_learning_note_announce,
    event_schedule,
    rsvp_submit,
)

from .blocks import stream
from .content import eip
from .content.kinds import LearningEvent
from .specs import Doc, PageSpec, Ref, demo_translation_key

TIME_ZONE = eip.EIP.fields["time_zone"]
STARTS = time(14, 0)
# "Latest by Friday … COB" in the seed: the close of business before the event.
CLOSE_OF_BUSINESS = time(17, 0)
FRIDAY = 4
THURSDAY = 3
MINUTES = 120


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    institution: str
    country: str
    language: str
    attending: bool


PAST_PEOPLE = (
    Person("Ama Owusu", "ama.owusu@mofep.example.org", "Ministry of Finance",
           "Ghana", "en", True),
    Person("Juan Pablo Rivas", "jp.rivas@contraloria.example.org",
           "Contraloría General", "Colombia", "es", True),
    Person("Nadia Haddad", "n.haddad@civilservice.example.org",
           "Civil Service Commission", "Jordan", "en", True),
    Person("Lucía Benítez", "lbenitez@hacienda.example.org",
           "Ministerio de Hacienda", "Paraguay", "es", True),
    Person("Tomás Nilsson", "tomas.nilsson@audit.example.org",
           "National Audit Office", "Sweden", "en", True),
    Person("Grace Mwangi", "g.mwangi@psc.example.org",
           "Public Service Commission", "Kenya", "en", True),
    Person("Diego Salinas", "dsalinas@planificacion.example.org",
           "Secretaría de Planificación", "Guatemala", "es", False),
    Person("Hélène Martin", "helene.martin@cooperation.example.org",
           "Agence de coopération", "France", "en", False),
)  # fmt: skip
UPCOMING_PEOPLE = (
    Person("Ama Owusu", "ama.owusu@mofep.example.org", "Ministry of Finance",
           "Ghana", "en", True),
    Person("Lucía Benítez", "lbenitez@hacienda.example.org",
           "Ministerio de Hacienda", "Paraguay", "es", True),
    Person("Samuel Tesfaye", "s.tesfaye@mof.example.org",
           "Ministry of Planning and Development", "Ethiopia", "en", True),
    Person("Carolina Duarte", "cduarte@gestionpublica.example.org",
           "Escuela de Gestión Pública", "Peru", "es", True),
    Person("Juan Pablo Rivas", "jp.rivas@contraloria.example.org",
           "Contraloría General", "Colombia", "es", False),
    Person("Tomás Nilsson", "tomas.nilsson@audit.example.org",
           "National Audit Office", "Sweden", "en", False),
)  # fmt: skip
UPCOMING_PLACES = 40


# --- Pages ---------------------------------------------------------------------------


def event_spec(event: LearningEvent) -> PageSpec:
    documents = [
        (
            "document",
            {
                "kind": document.kind,
                "document": Doc(f"{document.key}-en"),
                # Empty: the page shows the document's own title in its language.
                "title": "",
            },
        )
        for document in event.documents
    ]
    fields = {
        "title": event.title,
        "slug": event.slug,
        "introduction": event.theme,
        "objectives": [("objective", text) for text in event.objectives],
        "key_questions": [("question", text) for text in event.key_questions],
        "body": [("paragraph", event.body)],
        "background_documents": documents,
    }
    if event.learning_note:
        fields["learning_note"] = Ref(event.learning_note)
    return PageSpec(event.key, "events.LearningEventPage", fields)


def programme_spec() -> PageSpec:
    """The series' programme page with one page per event."""
    programme = eip.EIP
    return PageSpec(
        programme.key,
        "catalogue.ProgrammePage",
        {
            "title": programme.title,
            "slug": programme.slug,
            **programme.fields,
            "body": stream(eip.PROGRAMME_BODY),
        },
        children=tuple(event_spec(event) for event in eip.EVENTS),
    )


# --- Dates and answers ---------------------------------------------------------------


def ensure_events(
    *, programme: ProgrammePage, now: datetime | None = None
) -> tuple[int, int]:
    """Date the series' events and record their answers when missing; (made, reused)."""
    now = now or timezone.now()
    today = now.date()
    programme = page_source_get(page=programme)
    plans = (
        (eip.TRUST_EVENT, today - timedelta(weeks=10), PAST_PEOPLE, None),
        (eip.MEL_EVENT, today + timedelta(weeks=3), UPCOMING_PEOPLE, UPCOMING_PLACES),
    )
    created = reused = 0
    for content, around, people, places in plans:
        page = _event_page(programme, content)
        if Event.objects.filter(page=page).exists():
            reused += 1
            continue
        day = _weekday_on_or_after(around, THURSDAY)
        event = _schedule(page=page, day=day, capacity=places)
        created += 1 + _answers(event=event, people=people, now=now)
        # As after a real event: its note is live, so those who came are told
        # (the service does nothing for an event still to come).
        event_learning_note_announce(event=event, now=now)
    return created, reused


def _event_page(programme: ProgrammePage, content: LearningEvent) -> LearningEventPage:
    return (
        LearningEventPage.objects.child_of(programme)
        .filter(translation_key=demo_translation_key(content.key))
        .get()
    )


def _schedule(*, page: LearningEventPage, day: date, capacity: int | None) -> Event:
    zone = ZoneInfo(TIME_ZONE)
    friday_before = day - timedelta(days=(day.weekday() - FRIDAY) % 7 or 7)
    return event_schedule(
        page=page,
        starts_at=datetime.combine(day, STARTS, tzinfo=zone),
        rsvp_closes_at=datetime.combine(friday_before, CLOSE_OF_BUSINESS, tzinfo=zone),
        time_zone=TIME_ZONE,
        duration_minutes=MINUTES,
        join_url=f"https://zoom.example.org/j/7{day:%Y%m%d}",
        capacity=capacity,
    )


def _answers(*, event: Event, people: tuple[Person, ...], now: datetime) -> int:
    # One answer a day until the deadline, or until now when it is still open.
    last = min(event.rsvp_closes_at, now) - timedelta(hours=1)
    for index, person in enumerate(people):
        rsvp_submit(
            event=event,
            attending=person.attending,
            name=person.name,
            email=person.email,
            institution=person.institution,
            country=person.country,
            language=person.language,
            consent=True,
            now=last - timedelta(days=len(people) - index),
        )
    return len(people)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)
