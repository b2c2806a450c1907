"""The demo run of the peer-to-peer seminar (seed 004), made through the services.

Three days in a place its hosts chose, two module sessions a day: each a
two-hour block, as a facilitated dialogue day is planned around its breaks.
Dates are relative to the day of the first run; a later run finds the edition by
its slug and changes nothing.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from learning.catalogue.models import ProgrammePage, SessionTopicPage
from learning.catalogue.selectors import (
    module_list_for_programme,
    page_source_get,
    programme_target_groups,
)
from learning.editions.models import Edition
from learning.editions.services import edition_create, meeting_create
from learning.registrations.services import registration_submit

SLUG = "demo-seminar"
TIME_ZONE = "Asia/Manila"
VENUE = ("Bayanihan Training Centre", "Cebu City", "Philippines")
DAYS = 3
# A morning and an afternoon session each day, in the venue's time.
SESSION_TIMES = (time(9, 0), time(13, 30))
SESSION_MINUTES = 120
PLACES = 30
TUESDAY = 1
# Six people of the seed's target groups, registered through the service as the
# public would (name, email, institution, country, language, group's position).
REGISTRANTS = (
    (
        "Maria Santos",
        "m.santos@cebu.example.org",
        "City of Cebu",
        "Philippines",
        "en",
        0,
    ),
    (
        "José Ramírez",
        "j.ramirez@migracion.example.org",
        "Consejo de Migración",
        "Mexico",
        "es",
        2,
    ),
    (
        "Liza Dela Cruz",
        "l.delacruz@mrc.example.org",
        "Migration Resource Centre",
        "Philippines",
        "en",
        3,
    ),
    (
        "Ana Torres",
        "a.torres@diaspora.example.org",
        "Red de la Diáspora",
        "Spain",
        "es",
        5,
    ),
    (
        "Ramon Villanueva",
        "r.villanueva@lgu.example.org",
        "Province of Bohol",
        "Philippines",
        "en",
        4,
    ),
    (
        "Grace Okafor",
        "g.okafor@ngo.example.org",
        "Returnees Network",
        "Nigeria",
        "en",
        6,
    ),
)


def ensure_seminar_run(
    *, programme: ProgrammePage, today: date | None = None
) -> tuple[int, int]:
    """Make the seminar's demo run with its sessions when missing; (created, reused)."""
    source = page_source_get(page=programme)
    if Edition.objects.filter(programme=source, slug=SLUG).exists():
        return 0, 1
    today = today or timezone.now().date()
    # Its registration closes before the Mutual Learning Program's open edition's
    # enrolment does, which stays the demo's latest-closing window.
    start = _weekday_on_or_after(today + timedelta(weeks=6), TUESDAY)
    zone = ZoneInfo(TIME_ZONE)
    venue, city, country = VENUE
    edition = edition_create(
        programme=source,
        slug=SLUG,
        starts_on=start,
        ends_on=start + timedelta(days=DAYS - 1),
        enrolment_opens_at=datetime.combine(today, time(9, 0), tzinfo=zone),
        enrolment_closes_at=datetime.combine(
            start - timedelta(days=14), time(17, 0), tzinfo=zone
        ),
        places=PLACES,
        time_zone=TIME_ZONE,
        venue=venue,
        city=city,
        country=country,
    )
    made = _sessions(edition=edition, start=start, zone=zone)
    return 1 + made + _registrations(edition=edition), 0


def _sessions(*, edition: Edition, start: date, zone: ZoneInfo) -> int:
    topics = _first_topics(edition.programme)
    for index, topic in enumerate(topics):
        day = start + timedelta(days=index // len(SESSION_TIMES))
        at = SESSION_TIMES[index % len(SESSION_TIMES)]
        meeting_create(
            edition=edition,
            starts_at=datetime.combine(day, at, tzinfo=zone),
            duration_minutes=SESSION_MINUTES,
            session_topic=topic,
        )
    return len(topics)


def _registrations(*, edition: Edition) -> int:
    groups = programme_target_groups(programme=edition.programme)
    if not groups:
        return 0
    for index, (name, email, institution, country, language, group) in enumerate(
        REGISTRANTS
    ):
        registration_submit(
            edition=edition,
            name=name,
            email=email,
            institution=institution,
            country=country,
            language=language,
            target_group=groups[group % len(groups)].id,
            consent=True,
            # One an hour from the opening, in the window whatever the hour now.
            now=edition.enrolment_opens_at + timedelta(hours=index + 1),
        )
    return len(REGISTRANTS)


def _first_topics(programme: ProgrammePage) -> list[SessionTopicPage]:
    # One session per module, in module order: six modules over three days.
    topics = []
    for module in module_list_for_programme(programme=programme):
        topic = SessionTopicPage.objects.child_of(module).live().order_by("path")
        if first := topic.first():
            topics.append(first)
    return topics


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)
