"""Reads of editions: their status, places and schedule."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from learning.catalogue.models import ModulePage, ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.models import OpeningState
from learning.core.openings import opening_annotations, opening_is_held

from .enums import EditionStatus
from .models import Edition, EditionQuerySet, Meeting
from .places import places_taken_count


@dataclass
class ScheduleModule:
    """The meetings of one module; `module` is None for the edition's own meetings."""

    module: ModulePage | None
    meetings: list[Meeting] = field(default_factory=list)


@dataclass
class ScheduleSession:
    """A meeting of a day, with the module above its session topic (or None)."""

    meeting: Meeting
    module: ModulePage | None


@dataclass
class ScheduleDay:
    """The meetings of one day in the edition's time zone.

    `number` counts the edition's days from 1 on `starts_on`; None outside its dates.
    """

    day: date
    number: int | None
    sessions: list[ScheduleSession] = field(default_factory=list)


def edition_list_for_programme(*, programme: ProgrammePage) -> EditionQuerySet:
    """A programme's editions (given any translation of it), with `places_taken`
    and the gate's `opening_state`."""
    source = page_source_get(page=programme)
    return (
        Edition.objects.filter(programme=source)
        .with_places_taken()
        .annotate(**opening_annotations(Edition))
    )


def edition_status_compute(
    *, edition: Edition, places_taken: int, now: datetime, held: bool = False
) -> EditionStatus:
    """The status from the window, dates and places; while enrolment is open it wins.

    `held`: the translation gate holds the enrolment, so an edition in its window
    stays UPCOMING (not open yet) until the gate lets it open.
    """
    if now < edition.enrolment_opens_at:
        return EditionStatus.UPCOMING
    if now < edition.enrolment_closes_at:
        if held:
            return EditionStatus.UPCOMING
        if places_taken >= edition.places:
            return EditionStatus.FULLY_BOOKED
        return EditionStatus.OPEN
    today = now.astimezone(edition.zone).date()
    if today < edition.starts_on:
        return EditionStatus.CLOSED
    if today <= edition.ends_on:
        return EditionStatus.RUNNING
    return EditionStatus.FINISHED


def edition_status_changes_at(*, edition: Edition, now: datetime) -> datetime | None:
    """The next instant after now at which `edition_status_compute` may answer
    otherwise with the same data: enrolment opens or closes, the first day
    starts, the last day ends (in the edition's zone). None: never again."""
    zone = edition.zone
    instants = (
        edition.enrolment_opens_at,
        edition.enrolment_closes_at,
        datetime.combine(edition.starts_on, time.min, tzinfo=zone),
        datetime.combine(edition.ends_on + timedelta(days=1), time.min, tzinfo=zone),
    )
    return min((at for at in instants if at > now), default=None)


def editions_status_change_at(
    *, editions: Iterable[Edition], now: datetime
) -> datetime | None:
    """The first instant after now at which any of the editions' statuses may
    turn with the clock alone (edition_status_changes_at); None: never again."""
    changes = (edition_status_changes_at(edition=e, now=now) for e in editions)
    return min((at for at in changes if at is not None), default=None)


def edition_get_status(
    *, edition: Edition, now: datetime | None = None
) -> EditionStatus:
    """The edition's status now (uses `places_taken` and `opening_state`
    annotations when present)."""
    now = now or timezone.now()
    return edition_status_compute(
        edition=edition,
        places_taken=edition_places_taken(edition=edition),
        now=now,
        held=edition_is_held(edition=edition, now=now),
    )


def edition_is_held(*, edition: Edition, now: datetime) -> bool:
    """Whether the gate holds an edition that its dates would open now.

    Outside the enrolment window the gate changes nothing, so no query is made.
    """
    in_window = edition.enrolment_opens_at <= now < edition.enrolment_closes_at
    return in_window and opening_is_held(subject=edition)


def edition_places_taken(*, edition: Edition) -> int:
    """Organisations holding a place: confirmed, pending approval or offered."""
    annotated: int | None = getattr(edition, "places_taken", None)
    if annotated is not None:
        return annotated
    return places_taken_count(edition=edition)


def meeting_list_for_edition(*, edition: Edition) -> QuerySet[Meeting]:
    """The edition's meetings in time order, with their session topics."""
    return edition.meetings.select_related("session_topic").order_by("starts_at", "pk")


def edition_schedule(*, edition: Edition) -> list[ScheduleModule]:
    """The meetings grouped by module, in module order; two queries."""
    meetings = list(meeting_list_for_edition(edition=edition))
    module_of = _modules_of(meetings)
    distinct = {module.pk: module for module in module_of.values()}.values()
    groups: dict[int | None, ScheduleModule] = {None: ScheduleModule(module=None)}
    for module in sorted(distinct, key=lambda m: (m.module_number, m.path)):
        groups[module.pk] = ScheduleModule(module=module)
    for meeting in meetings:
        of_meeting = module_of.get(meeting.pk)
        groups[of_meeting.pk if of_meeting else None].meetings.append(meeting)
    return [group for group in groups.values() if group.meetings]


def edition_schedule_by_day(*, edition: Edition) -> list[ScheduleDay]:
    """The meetings grouped by day of the edition (its time zone), in time order.

    Callers: a seminar's public schedule and the API's edition detail. The day is
    the edition's own (the venue's), so "Day 2" is the same for every reader.
    Two queries.
    """
    meetings = list(meeting_list_for_edition(edition=edition))
    module_of = _modules_of(meetings)
    days: dict[date, ScheduleDay] = {}
    for meeting in meetings:
        day = meeting.starts_at.astimezone(edition.zone).date()
        if day not in days:
            days[day] = ScheduleDay(day=day, number=_day_number(edition, day))
        session = ScheduleSession(meeting=meeting, module=module_of.get(meeting.pk))
        days[day].sessions.append(session)
    return list(days.values())


def _day_number(edition: Edition, day: date) -> int | None:
    if edition.starts_on <= day <= edition.ends_on:
        return (day - edition.starts_on).days + 1
    return None


def _modules_of(meetings: list[Meeting]) -> dict[int, ModulePage]:
    # Maps meeting pk to the module page above its session topic.
    parent_paths = {
        meeting.pk: meeting.session_topic.path[: -Page.steplen]
        for meeting in meetings
        if meeting.session_topic is not None
    }
    by_path = {
        module.path: module
        for module in ModulePage.objects.filter(path__in=set(parent_paths.values()))
    }
    return {pk: by_path[path] for pk, path in parent_paths.items() if path in by_path}


def edition_list_with_places() -> EditionQuerySet:
    """Every edition with its programme, `places_taken` and the gate's
    `opening_state`; the admin's list and the API's use it."""
    return (
        Edition.objects.select_related("programme")
        .with_places_taken()
        .annotate(**opening_annotations(Edition))
    )


def edition_list_open(*, now: datetime | None = None) -> EditionQuerySet:
    """Editions open for enrolment now, with `places_taken`, soonest first."""
    now = now or timezone.now()
    return (
        edition_list_with_places()
        .filter(enrolment_opens_at__lte=now, enrolment_closes_at__gt=now)
        .order_by("starts_on", "pk")
    )


def edition_list_with_status(
    *, status: EditionStatus, now: datetime | None = None
) -> EditionQuerySet:
    """Editions whose status is `status` now, with `places_taken`, in one query.

    Caller: the API's edition list, which pages the result. It filters as
    `edition_status_compute` decides, in the database.
    """
    now = now or timezone.now()
    editions = edition_list_with_places()
    window = Q(enrolment_opens_at__lte=now, enrolment_closes_at__gt=now)
    held = Q(opening_state=OpeningState.BLOCKED)
    # No decision (NULL: before the gate) opens by the dates, as opening_is_held.
    enrolling = window & (
        Q(opening_state__isnull=True) | Q(opening_state=OpeningState.OPEN)
    )
    if status == EditionStatus.UPCOMING:
        return editions.filter(Q(enrolment_opens_at__gt=now) | (window & held))
    if status == EditionStatus.OPEN:
        # In a Q: the type checker's plugin knows the fields, not the annotation.
        return editions.filter(enrolling & Q(places_taken__lt=F("places")))
    if status == EditionStatus.FULLY_BOOKED:
        return editions.filter(enrolling & Q(places_taken__gte=F("places")))
    closed = editions.filter(enrolment_closes_at__lte=now)
    return closed.filter(_local_dates_in(status=status, now=now))


def _local_dates_in(*, status: EditionStatus, now: datetime) -> Q:
    # "Today" depends on each edition's time zone: one condition per zone in use.
    condition = Q(pk__in=[])
    zones = Edition.objects.order_by().values_list("time_zone", flat=True).distinct()
    for zone in zones:
        today = now.astimezone(ZoneInfo(zone)).date()
        dates = {
            EditionStatus.CLOSED: Q(starts_on__gt=today),
            EditionStatus.RUNNING: Q(starts_on__lte=today, ends_on__gte=today),
            EditionStatus.FINISHED: Q(ends_on__lt=today),
        }[status]
        condition |= Q(time_zone=zone) & dates
    return condition


def edition_places_left(*, edition: Edition) -> int:
    """Places nobody holds (uses a `places_taken` annotation when present)."""
    return max(edition.places - edition_places_taken(edition=edition), 0)


def meeting_list_upcoming(
    *, now: datetime | None = None, days: int = 14
) -> QuerySet[Meeting]:
    """Meetings of any edition starting in the next `days` days, in time order."""
    now = now or timezone.now()
    return (
        Meeting.objects.filter(
            starts_at__gte=now, starts_at__lt=now + timedelta(days=days)
        )
        .select_related("edition", "session_topic")
        .order_by("starts_at", "pk")
    )


def meeting_list_with_editions() -> QuerySet[Meeting]:
    """Every meeting with its edition and session topic; the admin's list uses it."""
    return Meeting.objects.select_related("edition", "session_topic")


def meeting_titles_localize(*, meetings: Iterable[Meeting]) -> list[Meeting]:
    """The meetings, their `display_title` in the active language (one query).

    Callers: pages and emails that show meetings by title (attendance, the forum
    digest). A title typed for the meeting is kept as typed.
    """
    meetings = list(meetings)
    keys = {
        m.session_topic.translation_key
        for m in meetings
        if not m.title and m.session_topic is not None
    }
    if not keys:
        return meetings
    titles = dict(
        Page.objects.filter(translation_key__in=keys, locale=Locale.get_active())
        .live()
        .values_list("translation_key", "title")
    )
    for meeting in meetings:
        if not meeting.title and meeting.session_topic is not None:
            key = meeting.session_topic.translation_key
            meeting.topic_title_localized = titles.get(key, "")
    return meetings
