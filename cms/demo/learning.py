"""Demo editions of the Mutual Learning Program, made through the learning services.

An open edition in the coming months (enrolment open now, ten organisations in,
participant-a among them) with two information sessions before it, and a past,
fully booked edition (participant-b took part). Dates are relative to the day of the
first run; a later run finds both editions by their slugs and changes nothing.
"""

import unicodedata
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils import timezone

from learning.catalogue.models import ModulePage, ProgrammePage, SessionTopicPage
from learning.catalogue.selectors import module_list_for_programme, page_source_get
from learning.editions.models import Edition
from learning.editions.services import (
    edition_create,
    edition_facilitators_set,
    meeting_create,
)
from learning.enrolments.services import RepresentativeInput, enrolment_create
from learning.infosessions.services import infosession_create

OPEN_SLUG = "demo-open"
PAST_SLUG = "demo-past"
PLACES = 15
MEETING_TIME = time(14, 0, tzinfo=UTC)  # "2:00 PM GMT" in the seed
MEETING_MINUTES = 120
INTERPRETATION = ("en", "es")
THURSDAY = 3
# The demo accounts (cms/demo/accounts.py) that take part, by organisation index.
PARTICIPANT_A = ("Amina Diallo", "participant-a@example.org")
PARTICIPANT_B = ("Bruno Castillo", "participant-b@example.org")
FACILITATOR = "facilitator@example.org"


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    country: str
    website: str
    people: tuple[tuple[str, str, str], ...]  # name, role, language


ORGANISATIONS = (
    DemoOrganisation(
        "Hogares de Esperanza",
        "Colombia",
        "hogaresdeesperanza.example.org",
        (
            ("Lucía Ramírez", "Directora", "es"),
            ("Andrés Gómez", "Trabajador social", "es"),
            ("Camila Torres", "Psicóloga", "es"),
            ("Mateo Rojas", "Coordinador de casos", "es"),
        ),
    ),
    DemoOrganisation(
        "Kinship Care Kenya",
        "Kenya",
        "kinshipcare-kenya.example.org",
        (
            ("Grace Wanjiru", "Programme manager", "en"),
            ("Peter Otieno", "Social worker", "en"),
            ("Faith Achieng", "Community mobiliser", "en"),
            ("Daniel Kiprop", "Case worker", "en"),
        ),
    ),
    DemoOrganisation(
        "Familias Unidas Perú",
        "Peru",
        "familiasunidas-peru.example.org",
        (
            ("Rosa Quispe", "Coordinadora", "es"),
            ("Jorge Huamán", "Educador", "es"),
            ("Elena Paredes", "Trabajadora social", "es"),
            ("Luis Mamani", "Facilitador comunitario", "es"),
        ),
    ),
    DemoOrganisation(
        "Sunrise Children's Village",
        "Uganda",
        "sunrise-village.example.org",
        (
            ("Sarah Nakato", "Director", "en"),
            ("Joseph Okello", "Family reintegration officer", "en"),
            ("Ruth Namubiru", "Counsellor", "en"),
            ("Moses Kato", "Caregiver", "en"),
        ),
    ),
    DemoOrganisation(
        "Casa Abierta Guatemala",
        "Guatemala",
        "casaabierta-gt.example.org",
        (
            ("María José Pérez", "Directora ejecutiva", "es"),
            ("Carlos Méndez", "Psicólogo", "es"),
            ("Ana Lucía Ruiz", "Trabajadora social", "es"),
            ("Diego Castillo", "Educador", "es"),
        ),
    ),
    DemoOrganisation(
        "Bright Futures Family Support",
        "Ghana",
        "brightfutures-gh.example.org",
        (
            ("Akosua Mensah", "Programme lead", "en"),
            ("Kwame Boateng", "Social worker", "en"),
            ("Efua Owusu", "Foster care officer", "en"),
            ("Yaw Asante", "Trainer", "en"),
        ),
    ),
    DemoOrganisation(
        "Fundación Nuevos Caminos",
        "Mexico",
        "nuevoscaminos.example.org",
        (
            ("Verónica Hernández", "Coordinadora de programas", "es"),
            ("Ricardo Flores", "Trabajador social", "es"),
            ("Paola Jiménez", "Psicóloga infantil", "es"),
            ("Héctor Vargas", "Acompañante familiar", "es"),
        ),
    ),
    DemoOrganisation(
        "Ubuntu Community Care",
        "South Africa",
        "ubuntu-care.example.org",
        (
            ("Thandiwe Dlamini", "Director", "en"),
            ("Sipho Ndlovu", "Child and youth care worker", "en"),
            ("Nomsa Khumalo", "Social auxiliary worker", "en"),
            ("Themba Mokoena", "Community liaison", "en"),
        ),
    ),
    DemoOrganisation(
        "Red de Cuidado Familiar Ecuador",
        "Ecuador",
        "cuidadofamiliar-ec.example.org",
        (
            ("Gabriela Salazar", "Coordinadora nacional", "es"),
            ("Fernando Cevallos", "Técnico de protección", "es"),
            ("Daniela Andrade", "Trabajadora social", "es"),
            ("Santiago Mora", "Facilitador", "es"),
        ),
    ),
    DemoOrganisation(
        "Safe Families Network Malawi",
        "Malawi",
        "safefamilies-mw.example.org",
        (
            ("Chikondi Banda", "Executive director", "en"),
            ("Mphatso Phiri", "Case manager", "en"),
            ("Tiwonge Mwale", "Community worker", "en"),
            ("Kondwani Chirwa", "Social worker", "en"),
        ),
    ),
    DemoOrganisation(
        "Asociación Manos Solidarias",
        "Bolivia",
        "manossolidarias.example.org",
        (
            ("Carla Vargas", "Directora", "es"),
            ("Raúl Choque", "Educador social", "es"),
            ("Patricia Limachi", "Psicóloga", "es"),
            ("Óscar Condori", "Promotor comunitario", "es"),
        ),
    ),
    DemoOrganisation(
        "Hope for Families Rwanda",
        "Rwanda",
        "hopeforfamilies-rw.example.org",
        (
            ("Aline Uwase", "Programme coordinator", "en"),
            ("Eric Habimana", "Social worker", "en"),
            ("Claudine Mukamana", "Psychologist", "en"),
            ("Jean Bosco Niyonzima", "Family mentor", "en"),
        ),
    ),
    DemoOrganisation(
        "Children's Homes Transition Trust",
        "India",
        "transition-trust.example.org",
        (
            ("Priya Sharma", "Director", "en"),
            ("Arjun Nair", "Care reform officer", "en"),
            ("Meera Iyer", "Counsellor", "en"),
            ("Rahul Verma", "Trainer", "en"),
        ),
    ),
    DemoOrganisation(
        "Fundación Crecer en Familia",
        "Argentina",
        "crecerenfamilia.example.org",
        (
            ("Valentina López", "Coordinadora", "es"),
            ("Martín Fernández", "Trabajador social", "es"),
            ("Julieta Romero", "Psicopedagoga", "es"),
            ("Nicolás Sosa", "Operador familiar", "es"),
        ),
    ),
    DemoOrganisation(
        "Family First Cambodia",
        "Cambodia",
        "familyfirst-kh.example.org",
        (
            ("Sokha Chea", "Country director", "en"),
            ("Dara Pich", "Social worker", "en"),
            ("Sreymom Keo", "Family support officer", "en"),
            ("Vannak Sok", "Community facilitator", "en"),
        ),
    ),
)
OPEN_ENROLLED = 10


@contextmanager
def emails_suppressed() -> Iterator[None]:
    """Send no email while the demo loads: its representatives are made up.

    Welcome emails are enqueued on commit, which happens in load_demo's own
    transaction per step, so the command wraps the whole load in this.
    """
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
    ):
        yield


def ensure_editions(
    *, programme: ProgrammePage, today: date | None = None
) -> tuple[int, int]:
    """Make the open and the past demo editions when missing; (created, reused)."""
    source = page_source_get(page=programme)
    today = today or timezone.now().date()
    created = reused = 0
    for slug, make in ((OPEN_SLUG, _open_edition), (PAST_SLUG, _past_edition)):
        if Edition.objects.filter(programme=source, slug=slug).exists():
            reused += 1
        else:
            created += make(programme=source, today=today)
    facilitator = get_user_model().objects.filter(email=FACILITATOR).first()
    if facilitator is not None:
        for edition in Edition.objects.filter(
            programme=source, slug__in=(OPEN_SLUG, PAST_SLUG)
        ):
            edition_facilitators_set(
                edition=edition,
                users=[*edition.facilitators.exclude(pk=facilitator.pk), facilitator],
            )
    return created, reused


def _open_edition(*, programme: ProgrammePage, today: date) -> int:
    start = _thursday_on_or_after(today + timedelta(weeks=8))
    opens = datetime.combine(today - timedelta(days=21), time(9, 0), tzinfo=UTC)
    edition = _edition(
        programme=programme,
        slug=OPEN_SLUG,
        start=start,
        opens=opens,
        closes=datetime.combine(start - timedelta(days=7), time(12, 0), tzinfo=UTC),
    )
    count = 1 + _meetings(edition=edition, start=start, with_recordings=False)
    count += _infosessions(programme=programme, start=start)
    people = {1: PARTICIPANT_A}  # Kinship Care Kenya
    for index, organisation in enumerate(ORGANISATIONS[:OPEN_ENROLLED]):
        _enrol(
            edition=edition,
            organisation=organisation,
            people=organisation.people[: 2 + index % 2],
            replace_first=people.get(index),
            module_count=1 + index % 4,
            now=opens + timedelta(days=1, hours=index * 7),
        )
    return count + OPEN_ENROLLED


def _past_edition(*, programme: ProgrammePage, today: date) -> int:
    start = _thursday_on_or_after(today - timedelta(weeks=40))
    opens = datetime.combine(start - timedelta(weeks=14), time(9, 0), tzinfo=UTC)
    edition = _edition(
        programme=programme,
        slug=PAST_SLUG,
        start=start,
        opens=opens,
        closes=datetime.combine(start - timedelta(weeks=2), time(12, 0), tzinfo=UTC),
    )
    count = 1 + _meetings(edition=edition, start=start, with_recordings=True)
    for index, organisation in enumerate(ORGANISATIONS):
        _enrol(
            edition=edition,
            organisation=organisation,
            people=organisation.people[2:] if index % 3 else organisation.people[1:],
            replace_first=PARTICIPANT_B if index == 2 else None,  # in Peru
            module_count=4 if index % 2 else 2,
            now=opens + timedelta(days=2, hours=index * 5),
        )
    return count + len(ORGANISATIONS)


def _edition(
    *,
    programme: ProgrammePage,
    slug: str,
    start: date,
    opens: datetime,
    closes: datetime,
) -> Edition:
    weeks = _schedule_weeks(_topics_by_module(programme))
    return edition_create(
        programme=programme,
        # No title: the edition is called by its start month in each reader's language.
        slug=slug,
        starts_on=start,
        ends_on=start + timedelta(weeks=weeks[-1][1]),
        enrolment_opens_at=opens,
        enrolment_closes_at=closes,
        places=PLACES,
        time_zone="UTC",  # the seed plans in GMT, all year round
    )


def _topics_by_module(
    programme: ProgrammePage,
) -> list[tuple[ModulePage, list[SessionTopicPage]]]:
    return [
        (
            module,
            list(SessionTopicPage.objects.child_of(module).live().order_by("path")),
        )
        for module in module_list_for_programme(programme=programme)
    ]


def _schedule_weeks(
    modules: list[tuple[ModulePage, list[SessionTopicPage]]],
) -> list[tuple[SessionTopicPage | None, int]]:
    """The seed's rhythm: an introduction, Module 1 weekly, then every one to two
    weeks (the last module weekly); (topic, week after the start) pairs."""
    weeks: list[tuple[SessionTopicPage | None, int]] = [(None, 0)]
    week = 0
    last = len(modules) - 1
    for number, (_module, topics) in enumerate(modules):
        for position, topic in enumerate(topics):
            if position == 0:
                step = 1 if number <= 1 else 2
            else:
                step = 1 if number in (0, last) else 2
            week += step
            weeks.append((topic, week))
    return weeks


def _meetings(*, edition: Edition, start: date, with_recordings: bool) -> int:
    schedule = _schedule_weeks(_topics_by_module(edition.programme))
    for topic, week in schedule:
        starts_at = datetime.combine(start + timedelta(weeks=week), MEETING_TIME)
        digits = zlib.crc32(f"{edition.slug}-{week}".encode()) % 10**10
        meeting_create(
            edition=edition,
            starts_at=starts_at,
            duration_minutes=MEETING_MINUTES,
            session_topic=topic,
            # No title: the first meeting, without a topic, reads as the
            # introduction session in each reader's language.
            join_url=f"https://zoom.example.org/j/8{digits:010d}",
            interpretation_languages=INTERPRETATION,
            recording_url=(
                f"https://video.example.org/recordings/{edition.slug}-{week}"
                if with_recordings
                else ""
            ),
        )
    return len(schedule)


def _infosessions(*, programme: ProgrammePage, start: date) -> int:
    # As in the seed: a Wednesday and a Tuesday, 2:00-3:00 PM GMT, before the start.
    for days_before, language in ((29, "en"), (16, "es")):
        day = start - timedelta(days=days_before)
        infosession_create(
            programme=programme,
            starts_at=datetime.combine(day, MEETING_TIME),
            duration_minutes=60,
            capacity=40,
            language=language,
            join_url=f"https://zoom.example.org/j/9{day:%Y%m%d}{days_before:02d}",
        )
    return 2


def _enrol(
    *,
    edition: Edition,
    organisation: DemoOrganisation,
    people: tuple[tuple[str, str, str], ...],
    replace_first: tuple[str, str] | None,
    module_count: int,
    now: datetime,
) -> None:
    representatives = [
        RepresentativeInput(
            name=name,
            email=_email(name, organisation.website),
            role=role,
            preferred_language=language,
        )
        for name, role, language in people
    ]
    if replace_first:
        first = representatives[0]
        representatives[0] = RepresentativeInput(
            name=replace_first[0],
            email=replace_first[1],
            role=first.role,
            preferred_language=first.preferred_language,
        )
    modules = list(module_list_for_programme(programme=edition.programme))
    enrolment_create(
        edition=edition,
        organisation_name=organisation.name,
        organisation_country=organisation.country,
        organisation_website=organisation.website,
        representatives=representatives,
        module_ids=[module.pk for module in modules[:module_count]],
        consent=True,
        now=now,
    )


def _email(name: str, domain: str) -> str:
    local = ".".join(name.split()[:2]).lower()
    plain = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    return plain.replace("'", "") + "@" + domain


def _thursday_on_or_after(day: date) -> date:
    return day + timedelta(days=(THURSDAY - day.weekday()) % 7)
