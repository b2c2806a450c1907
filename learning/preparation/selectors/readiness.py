"""Readiness per upcoming meeting: who, organisation by organisation, reviewed
which material and answered which question before it.

One selector (`meeting_readiness_for_edition`) for every caller: the
facilitators' readiness page, the API, the forum's digest before a meeting
(preparation/digests.py) and the reminder job (which emails those with something
still to do). `readiness_may_read` is the access rule of the page, the API and
the digest: the edition's facilitators and coordinators only;
`meeting_readiness_for_staff` applies it for the page and the API.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from learning.catalogue.models import SessionTopicPage
from learning.core.types import AnyUser
from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import (
    edition_get_for_member,
    edition_role_for_user,
    participant_list_members,
)
from learning.enrolments.models import Participant
from learning.materials.selectors import (
    STAFF_ROLES,
    MaterialItem,
    session_topic_materials_by_topic,
)
from learning.participants.selectors import (
    meeting_expects_modules,
    member_module_paths,
)

from .marks import (
    Mark,
    PreparationQuestion,
    answered_marks,
    excused_marks,
    question_meeting_ids,
    reviewed_marks,
    topic_questions,
)


@dataclass
class PersonReadiness:
    """One expected participant: the keys they reviewed and answered."""

    participant: Participant
    reviewed: frozenset[str]
    answered: frozenset[str]
    is_excused: bool
    materials: int
    questions: int

    @property
    def materials_pending(self) -> int:
        return self.materials - len(self.reviewed)

    @property
    def questions_pending(self) -> int:
        return self.questions - len(self.answered)

    @property
    def is_ready(self) -> bool:
        return not self.materials_pending and not self.questions_pending


@dataclass
class OrganisationReadiness:
    """An organisation's expected people; its counts leave the excused out."""

    name: str
    people: list[PersonReadiness] = field(default_factory=list)

    @property
    def expected(self) -> list[PersonReadiness]:
        return [person for person in self.people if not person.is_excused]

    @property
    def reviewed_count(self) -> int:
        return sum(len(person.reviewed) for person in self.expected)

    @property
    def materials_count(self) -> int:
        return sum(person.materials for person in self.expected)

    @property
    def answered_count(self) -> int:
        return sum(len(person.answered) for person in self.expected)

    @property
    def questions_count(self) -> int:
        return sum(person.questions for person in self.expected)

    @property
    def ready_count(self) -> int:
        return sum(person.is_ready for person in self.expected)


@dataclass
class MeetingReadiness:
    """An upcoming meeting, what it asks, and each expected person's marks."""

    meeting: Meeting
    title: str
    materials: list[MaterialItem]
    questions: list[PreparationQuestion]
    organisations: list[OrganisationReadiness] = field(default_factory=list)

    @property
    def people(self) -> list[PersonReadiness]:
        return [person for group in self.organisations for person in group.people]

    @property
    def expected_count(self) -> int:
        """Expected people not excused from the meeting."""
        return sum(not person.is_excused for person in self.people)

    @property
    def ready_count(self) -> int:
        """Expected people (not excused) with everything done."""
        return sum(p.is_ready for p in self.people if not p.is_excused)


def meeting_readiness_for_staff(
    *,
    user: AnyUser | None,
    edition_id: int,
    language: str,
    now: datetime | None = None,
) -> tuple[Edition, list[MeetingReadiness]]:
    """The readiness of the edition's upcoming meetings, for its staff.

    `Edition.DoesNotExist` for non-members, `PermissionDenied` for participants.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    if not readiness_may_read(user=user, edition=edition):
        raise PermissionDenied("not_a_facilitator")
    return edition, meeting_readiness_for_edition(
        edition=edition, language=language, now=now
    )


def readiness_may_read(*, user: AnyUser | None, edition: Edition) -> bool:
    """Whether the user may read the edition's readiness: its staff only."""
    return edition_role_for_user(user=user, edition=edition) in STAFF_ROLES


def meeting_readiness_for_edition(
    *,
    edition: Edition,
    language: str,
    now: datetime | None = None,
    meeting_ids: list[int] | None = None,
) -> list[MeetingReadiness]:
    """Per upcoming meeting on a session topic (or those named), each expected
    member's marks, organisation by organisation; queries flat in meetings."""
    now = now or timezone.now()
    every = list(
        Meeting.objects.filter(edition=edition, session_topic__isnull=False)
        .select_related("session_topic__locale")
        .order_by("starts_at", "pk")
    )
    chosen = [
        m
        for m in every
        if (m.pk in meeting_ids if meeting_ids is not None else m.ends_at > now)
    ]
    topics = list(
        {t.pk: t for m in chosen if (t := m.session_topic) is not None}.values()
    )
    materials = session_topic_materials_by_topic(
        session_topics=topics, language=language
    )
    questions = topic_questions(session_topics=topics, language=language)
    firsts = question_meeting_ids(meetings=every)
    members = _members(edition)
    marks = _Marks.read(edition=edition, members=members, meetings=chosen)
    result = []
    for meeting in chosen:
        topic = meeting.session_topic
        assert topic is not None  # noqa: S101 (only meetings on a topic are read)
        item = MeetingReadiness(
            meeting=meeting,
            title=meeting.title or str(topic.title),
            materials=materials.get(topic.pk, []),
            questions=questions.get(topic.pk, []) if meeting.pk in firsts else [],
        )
        item.organisations = _organisations(item, members, marks)
        result.append(item)
    _titles_localize(result, topics=topics, language=language)
    return result


def _members(edition: Edition) -> list[Participant]:
    return list(
        participant_list_members(edition=edition)
        .select_related("enrolment__organisation", "user")
        .order_by("enrolment__organisation__name", "name", "pk")
    )


@dataclass
class _Marks:
    paths: dict[int, frozenset[str]]
    reviewed: dict[int, set[Mark]]
    answered: dict[int, set[Mark]]
    excused: set[tuple[int, int]]

    @classmethod
    def read(
        cls, *, edition: Edition, members: list[Participant], meetings: list[Meeting]
    ) -> "_Marks":
        users = [p.user_id for p in members]
        return cls(
            paths=member_module_paths(edition=edition),
            reviewed=reviewed_marks(edition_ids=[edition.pk], user_ids=users),
            answered=answered_marks(edition_ids=[edition.pk], user_ids=users),
            excused=excused_marks(
                participant_ids=[p.pk for p in members],
                meeting_ids=[m.pk for m in meetings],
            ),
        )


def _organisations(
    item: MeetingReadiness, members: list[Participant], marks: _Marks
) -> list[OrganisationReadiness]:
    meeting = item.meeting
    groups: dict[int, OrganisationReadiness] = {}
    for member in members:
        paths = marks.paths.get(member.user_id, frozenset())
        if not meeting_expects_modules(meeting=meeting, module_paths=paths):
            continue
        organisation = member.enrolment.organisation
        group = groups.setdefault(
            organisation.pk, OrganisationReadiness(name=organisation.name)
        )
        group.people.append(_person(item, member, marks))
    return list(groups.values())


def _person(
    item: MeetingReadiness, member: Participant, marks: _Marks
) -> PersonReadiness:
    meeting = item.meeting
    own = (meeting.edition_id, meeting.session_topic_id)
    reviewed = {
        key
        for *where, key in marks.reviewed.get(member.user_id, ())
        if tuple(where) == own
    }
    answered = {
        key
        for *where, key in marks.answered.get(member.user_id, ())
        if tuple(where) == own
    }
    material_keys = {m.key for m in item.materials}
    question_keys = {q.key for q in item.questions}
    return PersonReadiness(
        participant=member,
        reviewed=frozenset(reviewed & material_keys),
        answered=frozenset(answered & question_keys),
        is_excused=(member.pk, meeting.pk) in marks.excused,
        materials=len(material_keys),
        questions=len(question_keys),
    )


def _titles_localize(
    items: list[MeetingReadiness], *, topics: list[SessionTopicPage], language: str
) -> None:
    """Meetings without their own title take their topic's title in `language`."""
    keys = [t.translation_key for t in topics]
    titles = dict(
        SessionTopicPage.objects.filter(
            translation_key__in=keys, locale__language_code=language
        ).values_list("translation_key", "title")
    )
    for item in items:
        topic = item.meeting.session_topic
        if not item.meeting.title and topic is not None:
            item.title = str(titles.get(topic.translation_key, topic.title))
