"""A participant's next meeting and the following ones, each with what it asks:
materials to review and forum questions to answer before it.

Callers: the "Your next meeting" card on My programme (templatetags), the API's
`me/` data and the reminder email (tasks.py). Each reads only the given user's
own editions and marks, through `participant_programme_list`, so the meetings
are those of the modules their organisation chose, with a confirmed place.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation

from learning.catalogue.models import SessionTopicPage
from learning.core.types import AuthUser
from learning.editions.models import Edition
from learning.materials.selectors import MaterialItem, session_topic_materials_by_topic
from learning.participants.selectors import (
    ProgrammeEdition,
    ProgrammeMeeting,
    participant_programme_list,
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
class MeetingPreparation:
    """One upcoming meeting as the participant prepares it."""

    shown: ProgrammeMeeting
    is_excused: bool = False
    materials: list[MaterialItem] = field(default_factory=list)
    questions: list[PreparationQuestion] = field(default_factory=list)

    @property
    def reviewed_count(self) -> int:
        """How many of its materials the participant marked as reviewed."""
        return sum(item.reviewed for item in self.materials)

    @property
    def answered_count(self) -> int:
        """How many of its questions the participant answered in time."""
        return sum(question.answered for question in self.questions)

    @property
    def materials_pending(self) -> list[MaterialItem]:
        return [item for item in self.materials if not item.reviewed]

    @property
    def questions_pending(self) -> list[PreparationQuestion]:
        return [question for question in self.questions if not question.answered]

    @property
    def is_ready(self) -> bool:
        """Everything reviewed and answered (a meeting asking nothing is ready)."""
        return not self.materials_pending and not self.questions_pending


@dataclass
class EditionPreparation:
    """An edition's next meeting for the participant, then the following ones."""

    edition: Edition
    time_zone: str
    next: MeetingPreparation | None
    following: list[MeetingPreparation] = field(default_factory=list)


def preparation_list_for_user(
    *,
    user: AuthUser,
    now: datetime | None = None,
    language: str | None = None,
) -> list[EditionPreparation]:
    """Per edition with a confirmed place: the next meeting and the following ones.

    The next meeting is the first that has not ended and from which the person
    is not excused; an edition whose meetings are all over has none. Queries are
    flat in the number of meetings and editions' meetings.
    """
    now = now or timezone.now()
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    items = [
        item
        for item in participant_programme_list(user=user, now=now, language=language)
        if item.has_place
    ]
    context = _Context.build(user=user, items=items, language=language)
    return [_edition_preparation(item, context) for item in items]


def preparation_for_edition(
    *,
    user: AuthUser,
    edition_id: int,
    now: datetime | None = None,
    language: str | None = None,
) -> EditionPreparation | None:
    """The user's preparation in one edition, or None when they take no part in it."""
    for item in preparation_list_for_user(user=user, now=now, language=language):
        if item.edition.pk == edition_id:
            return item
    return None


@dataclass
class _Context:
    """Everything the meetings need, read once for all of them."""

    materials: dict[int, list[MaterialItem]]
    questions: dict[int, list[PreparationQuestion]]
    question_meetings: set[int]
    reviewed: set[Mark]
    answered: set[Mark]
    excused: set[tuple[int, int]]

    @classmethod
    def build(
        cls, *, user: AuthUser, items: list[ProgrammeEdition], language: str
    ) -> "_Context":
        upcoming = [shown.meeting for item in items for shown in item.upcoming]
        every = [shown.meeting for item in items for shown in item.past] + upcoming
        # Read again with their locales: the materials' language needs them.
        topics = list(
            SessionTopicPage.objects.filter(
                pk__in={m.session_topic_id for m in upcoming if m.session_topic_id}
            ).select_related("locale")
        )
        editions = {item.edition.pk for item in items}
        return cls(
            materials=_materials(topics, language=language),
            questions=topic_questions(session_topics=topics, language=language),
            question_meetings=question_meeting_ids(meetings=every),
            reviewed=reviewed_marks(edition_ids=editions, user_ids=[user.pk]).get(
                user.pk, set()
            ),
            answered=answered_marks(edition_ids=editions, user_ids=[user.pk]).get(
                user.pk, set()
            ),
            excused=excused_marks(
                participant_ids=[item.participant.pk for item in items],
                meeting_ids=[meeting.pk for meeting in upcoming],
            ),
        )


def _materials(
    topics: list[SessionTopicPage], *, language: str
) -> dict[int, list[MaterialItem]]:
    if not topics:
        return {}
    return session_topic_materials_by_topic(session_topics=topics, language=language)


def _edition_preparation(
    item: ProgrammeEdition, context: _Context
) -> EditionPreparation:
    meetings = [_meeting(item, shown, context) for shown in item.upcoming]
    next_meeting = next((m for m in meetings if not m.is_excused), None)
    return EditionPreparation(
        edition=item.edition,
        time_zone=item.time_zone,
        next=next_meeting,
        following=[m for m in meetings if m is not next_meeting],
    )


def _meeting(
    item: ProgrammeEdition, shown: ProgrammeMeeting, context: _Context
) -> MeetingPreparation:
    meeting = shown.meeting
    prepared = MeetingPreparation(
        shown=shown,
        is_excused=(item.participant.pk, meeting.pk) in context.excused,
    )
    topic_id = meeting.session_topic_id
    if topic_id is None:
        return prepared
    edition_id = item.edition.pk
    prepared.materials = [
        replace(m, reviewed=(edition_id, topic_id, m.key) in context.reviewed)
        for m in context.materials.get(topic_id, [])
    ]
    if meeting.pk in context.question_meetings:
        prepared.questions = [
            replace(q, answered=(edition_id, topic_id, q.key) in context.answered)
            for q in context.questions.get(topic_id, [])
        ]
    return prepared
