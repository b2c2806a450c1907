"""What every preparation read shares: a session topic's questions in the reader's
language, which meeting a question prepares, and the marks (reviews, answers,
excused absences) of a set of people, each in one query."""

from collections.abc import Iterable
from dataclasses import dataclass

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.catalogue.models import SessionTopicPage
from learning.editions.models import Meeting
from learning.forum.models import Post
from learning.materials.models import MaterialReview

# (edition id, session topic id, material or question key)
Mark = tuple[int, int, str]


@dataclass(frozen=True)
class PreparationQuestion:
    """A forum question of a session topic; `answered` by the reader in time."""

    session_topic_id: int
    key: str
    text: str
    answered: bool = False


def topic_questions(
    *, session_topics: list[SessionTopicPage], language: str
) -> dict[int, list[PreparationQuestion]]:
    """Each topic's questions (by topic id), worded in `language` when translated.

    Block ids are kept by translations, so the question is the same one (and the
    same forum thread) in every language. One query.
    """
    keys = [t.translation_key for t in session_topics]
    variants = {
        page.translation_key: page
        for page in SessionTopicPage.objects.filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    result = {}
    for topic in session_topics:
        shown = _question_texts(variants.get(topic.translation_key, topic))
        result[topic.pk] = [
            PreparationQuestion(topic.pk, key, shown.get(key, text))
            for key, text in _question_texts(topic).items()
        ]
    return result


def _question_texts(page: SessionTopicPage) -> dict[str, str]:
    return {
        block.id: str(block.value)
        for block in page.forum_questions
        if block.block_type == "question"
    }


def question_meeting_ids(*, meetings: Iterable[Meeting]) -> set[int]:
    """The meetings whose topic's questions they prepare: the first on each topic.

    The forum's rule (`thread_answer_before`): answers written after the first
    meeting on a topic are late. `meetings` must hold all of an edition's
    meetings on each topic.
    """
    first: dict[tuple[int, int], Meeting] = {}
    for meeting in sorted(meetings, key=lambda m: (m.starts_at, m.pk)):
        if meeting.session_topic_id is not None:
            first.setdefault((meeting.edition_id, meeting.session_topic_id), meeting)
    return {meeting.pk for meeting in first.values()}


def reviewed_marks(
    *, edition_ids: Iterable[int], user_ids: Iterable[int]
) -> dict[int, set[Mark]]:
    """Each user's (by id) reviewed materials in these editions; one query."""
    rows = MaterialReview.objects.filter(
        edition_id__in=list(edition_ids), user_id__in=list(user_ids)
    ).values_list("user_id", "edition_id", "session_topic_id", "material_key")
    marks: dict[int, set[Mark]] = {}
    for user_id, edition_id, topic_id, key in rows:
        marks.setdefault(user_id, set()).add((edition_id, topic_id, key))
    return marks


def answered_marks(
    *, edition_ids: Iterable[int], user_ids: Iterable[int]
) -> dict[int, set[Mark]]:
    """Each user's questions answered in time (not late), by id; one query."""
    rows = (
        Post.objects.filter(
            thread__edition_id__in=list(edition_ids),
            author_id__in=list(user_ids),
            thread__session_topic__isnull=False,
            is_late=False,
        )
        .exclude(thread__question_key="")
        .values_list(
            "author_id",
            "thread__edition_id",
            "thread__session_topic_id",
            "thread__question_key",
        )
        .distinct()
    )
    marks: dict[int, set[Mark]] = {}
    for user_id, edition_id, topic_id, key in rows:
        marks.setdefault(user_id, set()).add((edition_id, topic_id, key))
    return marks


def excused_marks(
    *, participant_ids: Iterable[int], meeting_ids: Iterable[int]
) -> set[tuple[int, int]]:
    """(participant id, meeting id) of excused absences told in advance; one query."""
    return set(
        Attendance.objects.filter(
            participant_id__in=list(participant_ids),
            meeting_id__in=list(meeting_ids),
            status=AttendanceStatus.EXCUSED,
        ).values_list("participant_id", "meeting_id")
    )
