"""Reads of a participant's own editions, meetings and calendar feed.

Callers: the "My programme" page and the personal calendar feed (views.py). Each
reads only the rows of the user it is given: a participant never sees another
edition's meetings or join links.
"""

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Page

from learning.core import conf
from learning.core.calendar import CalendarEvent
from learning.core.types import AnyUser, AuthUser
from learning.editions.models import Edition, Meeting
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.membership import participant_list_members
from learning.enrolments.models import Enrolment, Participant
from learning.enrolments.selectors import participant_list_for_user

from .models import CalendarFeed


@dataclass(frozen=True)
class ProgrammeMeeting:
    """One meeting as a participant sees it; `join_url` is empty until it opens."""

    meeting: Meeting
    title: str
    module_title: str
    starts_at: datetime
    ends_at: datetime
    join_opens_at: datetime
    join_url: str
    recording_url: str


@dataclass
class ProgrammeEdition:
    """An edition the user represents an organisation in, with their meetings."""

    participant: Participant
    edition: Edition
    enrolment: Enrolment
    has_place: bool
    time_zone: str
    modules: list[str] = field(default_factory=list)
    colleagues: list[Participant] = field(default_factory=list)
    upcoming: list[ProgrammeMeeting] = field(default_factory=list)
    past: list[ProgrammeMeeting] = field(default_factory=list)


def join_link_minutes_before() -> int:
    """How many minutes before a meeting its join link is shown."""
    return conf.join_link_visible_minutes_before()


def meeting_join_link_visible(*, meeting: Meeting, now: datetime) -> bool:
    """Whether a participant may see the join link: shortly before, until the end."""
    opens = meeting.starts_at - timedelta(minutes=join_link_minutes_before())
    return bool(meeting.join_url) and opens <= now < meeting.ends_at


def meeting_module_path(*, meeting: Meeting) -> str | None:
    """The tree path of the module above the meeting's session topic.

    None for a meeting without a session topic: it belongs to the whole edition.
    """
    if meeting.session_topic is None:
        return None
    return str(meeting.session_topic.path[: -Page.steplen])


def meeting_expects_modules(*, meeting: Meeting, module_paths: Collection[str]) -> bool:
    """Whether an organisation that chose these modules is expected at the meeting.

    Callers: "My programme", the materials pages and their review progress, so
    that everyone agrees on who a meeting is for.
    """
    path = meeting_module_path(meeting=meeting)
    return path is None or path in module_paths


def member_module_paths(*, edition: Edition) -> dict[int, frozenset[str]]:
    """Each member's (by user id) chosen modules, as tree paths.

    One query, whatever the number of members and modules.
    """
    return _module_paths_by_user(participant_list_members(edition=edition))


def participant_module_paths(
    *, edition: Edition, user: AnyUser | None
) -> frozenset[str]:
    """The modules (tree paths) the user's organisation chose; empty for non-members."""
    if user is None or not user.is_authenticated:
        return frozenset()
    members = participant_list_members(edition=edition).filter(user_id=user.pk)
    return _module_paths_by_user(members).get(user.pk, frozenset())


def _module_paths_by_user(members: QuerySet[Participant]) -> dict[int, frozenset[str]]:
    chosen: dict[int, set[str]] = {}
    rows = members.values_list("user_id", "enrolment__modules__path")
    for user_id, path in rows:
        paths = chosen.setdefault(user_id, set())
        if path is not None:
            paths.add(path)
    return {user_id: frozenset(paths) for user_id, paths in chosen.items()}


def participant_time_zone(*, user: AnyUser, edition: Edition) -> str:
    """The user's own time zone when valid, else the edition's (or programme's)."""
    for name in (getattr(user, "time_zone", ""), edition.time_zone):
        if name and _zone_exists(name):
            return name
    return "UTC"


def participant_programme_list(
    *,
    user: AuthUser,
    now: datetime | None = None,
    language: str | None = None,
) -> list[ProgrammeEdition]:
    """The user's current editions, newest first; meetings only with a place."""
    now = now or timezone.now()
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    participants = list(_participants_shaped(user=user))
    meetings = _meetings_by_edition(participants)
    titles = _localized_titles(
        [*_meeting_pages(meetings), *_module_pages(participants)], language=language
    )
    return [
        _programme_edition(
            user=user,
            participant=participant,
            meetings=meetings.get(participant.edition_id, []),
            titles=titles,
            now=now,
        )
        for participant in participants
    ]


def participant_calendar_events(
    *, user: AuthUser, page_url: str = "", language: str | None = None
) -> list[CalendarEvent]:
    """Calendar events of the meetings the user takes part in (no join links)."""
    events = []
    for item in participant_programme_list(user=user, language=language):
        for meeting in [*item.past, *item.upcoming]:
            events.append(_calendar_event(item=item, meeting=meeting, url=page_url))
    return events


def calendar_feed_user_get(*, token: str) -> AuthUser | None:
    """The active user whose calendar address ends in `token`, else None."""
    digest = calendar_token_hash(token=token)
    feed = (
        CalendarFeed.objects.filter(token_hash=digest, user__is_active=True)
        .select_related("user")
        .first()
    )
    return feed.user if feed is not None else None


def calendar_feed_exists(*, user: AuthUser) -> bool:
    """Whether the user has made a calendar address."""
    return CalendarFeed.objects.filter(user=user).exists()


def calendar_token_hash(*, token: str) -> str:
    """The stored form of a calendar token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _zone_exists(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _participants_shaped(*, user: AuthUser) -> Iterable[Participant]:
    colleagues = Participant.objects.filter(is_active=True).order_by("created_at", "pk")
    return participant_list_for_user(user=user).prefetch_related(
        "enrolment__modules",
        Prefetch(
            "enrolment__participants", queryset=colleagues, to_attr="current_people"
        ),
    )


def _meetings_by_edition(
    participants: list[Participant],
) -> dict[int, list[Meeting]]:
    # Only editions where the organisation holds a confirmed place show meetings.
    editions = [p.edition_id for p in participants if _has_place(p.enrolment)]
    grouped: dict[int, list[Meeting]] = {}
    queryset = (
        Meeting.objects.filter(edition_id__in=editions)
        .select_related("session_topic")
        .order_by("starts_at", "pk")
    )
    for meeting in queryset:
        grouped.setdefault(meeting.edition_id, []).append(meeting)
    return grouped


def _has_place(enrolment: Enrolment) -> bool:
    return enrolment.status == EnrolmentStatus.CONFIRMED


def _meeting_pages(meetings: dict[int, list[Meeting]]) -> list[Page]:
    return [
        meeting.session_topic
        for group in meetings.values()
        for meeting in group
        if meeting.session_topic is not None
    ]


def _module_pages(participants: list[Participant]) -> list[Page]:
    return [m for p in participants for m in p.enrolment.modules.all()]


def _localized_titles(pages: list[Page], *, language: str) -> dict[object, str]:
    """Page titles by translation key in `language`, falling back to the source."""
    titles: dict[object, str] = {page.translation_key: page.title for page in pages}
    if titles:
        translated = Page.objects.filter(
            translation_key__in=titles.keys(), locale__language_code=language
        ).values_list("translation_key", "title")
        titles.update(dict(translated))
    return titles


def _programme_edition(
    *,
    user: AuthUser,
    participant: Participant,
    meetings: list[Meeting],
    titles: dict[object, str],
    now: datetime,
) -> ProgrammeEdition:
    enrolment = participant.enrolment
    modules = sorted(enrolment.modules.all(), key=lambda m: (m.module_number, m.path))
    # Set by the Prefetch's to_attr in the caller's query (the model has no field).
    people: list[Participant] = enrolment.current_people  # type: ignore[attr-defined]
    item = ProgrammeEdition(
        participant=participant,
        edition=participant.edition,
        enrolment=enrolment,
        has_place=_has_place(enrolment),
        time_zone=participant_time_zone(user=user, edition=participant.edition),
        modules=[str(titles.get(m.translation_key, m.title)) for m in modules],
        colleagues=[p for p in people if p.pk != participant.pk],
    )
    chosen = {module.path: module for module in modules}
    for meeting in meetings:
        concerned, module = _module_of(meeting, chosen)
        if not concerned:
            continue
        shown = _programme_meeting(
            meeting=meeting, module=module, titles=titles, now=now
        )
        (item.past if meeting.ends_at <= now else item.upcoming).append(shown)
    item.past.reverse()  # the latest first
    return item


def _module_of(meeting: Meeting, chosen: dict[str, Page]) -> tuple[bool, Page | None]:
    """Whether the meeting concerns the organisation, and its chosen module."""
    concerned = meeting_expects_modules(meeting=meeting, module_paths=chosen.keys())
    path = meeting_module_path(meeting=meeting)
    return concerned, chosen.get(path) if path is not None else None


def _programme_meeting(
    *, meeting: Meeting, module: Page | None, titles: dict[object, str], now: datetime
) -> ProgrammeMeeting:
    topic = meeting.session_topic
    title = meeting.title or (titles.get(topic.translation_key) if topic else "")
    visible = meeting_join_link_visible(meeting=meeting, now=now)
    return ProgrammeMeeting(
        meeting=meeting,
        title=title or str(meeting.display_title),
        module_title=titles.get(module.translation_key, "") if module else "",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        join_opens_at=meeting.starts_at - timedelta(minutes=join_link_minutes_before()),
        join_url=meeting.join_url if visible else "",
        recording_url=meeting.recording_url if meeting.ends_at <= now else "",
    )


def _calendar_event(
    *, item: ProgrammeEdition, meeting: ProgrammeMeeting, url: str
) -> CalendarEvent:
    minutes = join_link_minutes_before()
    description = ngettext(
        "The join link appears on your programme page %(minutes)d minute before "
        "the meeting.",
        "The join link appears on your programme page %(minutes)d minutes before "
        "the meeting.",
        minutes,
    ) % {"minutes": minutes}
    return meeting.meeting.calendar_event(
        summary=f"{meeting.title} · {item.edition.label}",
        description=f"{description}\n{url}".strip(),
        url=url,
    )
