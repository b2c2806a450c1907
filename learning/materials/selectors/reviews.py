"""What to review before each meeting and who reviewed it: reads an edition's
meetings and the members' review marks, scoped by `learning.enrolments.membership`
(`Edition.DoesNotExist` for non-members, which views turn into a 404).

A meeting is for the participants whose organisation chose its module (see
`learning.participants.selectors.meeting_expects_modules`): they alone see it
before the meeting, and they alone count in its review progress.
"""

from dataclasses import dataclass, field, replace

from django.core.exceptions import PermissionDenied

from learning.catalogue.models import SessionTopicPage
from learning.core.types import AnyUser
from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import (
    edition_get_for_member,
    edition_list_for_member,
    edition_role_for_user,
    participant_list_members,
)
from learning.participants.selectors import (
    meeting_expects_modules,
    member_module_paths,
    participant_module_paths,
)

from ..models import MaterialReview
from .content import MaterialItem, _materials_by_topic, _topic_titles
from .shared_materials import STAFF_ROLES


@dataclass
class MeetingMaterials:
    """A meeting and what to review before it."""

    meeting: Meeting
    title: str
    session_topic: SessionTopicPage
    materials: list[MaterialItem] = field(default_factory=list)


@dataclass(frozen=True)
class MaterialProgress:
    """How many of the participants expected at a meeting reviewed one material."""

    material: MaterialItem
    reviewed: int
    total: int

    @property
    def percent(self) -> int:
        """The share of expected participants who reviewed it, in whole percent."""
        return round(100 * self.reviewed / self.total) if self.total else 0


@dataclass
class MeetingProgress:
    """Review progress of each material of one meeting; `participants` expected."""

    meeting: Meeting
    title: str
    participants: int
    materials: list[MaterialProgress] = field(default_factory=list)


def meeting_materials_for_member(
    *, user: AnyUser | None, edition_id: int, language: str
) -> tuple[Edition, list[MeetingMaterials]]:
    """The edition; each meeting for the user with its materials and their marks.

    Participants get the meetings of the modules their organisation chose;
    facilitators and coordinators get every meeting. Raises
    `Edition.DoesNotExist` when the user is not a member of the edition.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    assert user is not None and user.is_authenticated  # noqa: S101 (a member)
    meetings = _meetings_for_reader(edition, user=user)
    topics = _distinct_topics(meetings)
    by_topic = _materials_by_topic(topics, language=language)
    titles = _topic_titles(topics, language=language)
    reviewed = set(
        MaterialReview.objects.filter(user=user, edition=edition).values_list(
            "session_topic_id", "material_key"
        )
    )
    result = []
    for meeting in meetings:
        topic = _topic_of(meeting)
        materials = [
            _with_review(item, (topic.pk, item.key) in reviewed)
            for item in by_topic[topic.pk]
        ]
        title = meeting.title or str(titles.get(topic.pk, topic.title))
        result.append(MeetingMaterials(meeting, title, topic, materials))
    return edition, result


def review_progress_for_edition(
    *, user: AnyUser | None, edition_id: int, language: str
) -> tuple[Edition, list[MeetingProgress]]:
    """Per meeting, how many of the participants expected reviewed each material.

    For the edition's facilitators and coordinators: `Edition.DoesNotExist` for
    non-members, `PermissionDenied` for participants.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    if edition_role_for_user(user=user, edition=edition) not in STAFF_ROLES:
        raise PermissionDenied("not_a_facilitator")
    meetings = _topic_meetings(edition)
    return edition, _meeting_progress(edition, meetings, language=language)


def review_progress_for_meeting(
    *, user: AnyUser | None, meeting_id: int, language: str
) -> MeetingProgress:
    """Review progress of one meeting's materials; scoped as the edition's."""
    meeting = Meeting.objects.select_related("session_topic__locale", "edition").get(
        pk=meeting_id,
        edition__in=edition_list_for_member(user=user),
        session_topic__isnull=False,
    )
    if edition_role_for_user(user=user, edition=meeting.edition) not in STAFF_ROLES:
        raise PermissionDenied("not_a_facilitator")
    (progress,) = _meeting_progress(meeting.edition, [meeting], language=language)
    return progress


def _topic_meetings(edition: Edition) -> list[Meeting]:
    return list(
        Meeting.objects.filter(edition=edition, session_topic__isnull=False)
        .select_related("session_topic__locale")
        .order_by("starts_at", "pk")
    )


def _meetings_for_reader(edition: Edition, *, user: AnyUser | None) -> list[Meeting]:
    meetings = _topic_meetings(edition)
    if edition_role_for_user(user=user, edition=edition) in STAFF_ROLES:
        return meetings
    chosen = participant_module_paths(edition=edition, user=user)
    return [
        meeting
        for meeting in meetings
        if meeting_expects_modules(meeting=meeting, module_paths=chosen)
    ]


def _distinct_topics(meetings: list[Meeting]) -> list[SessionTopicPage]:
    return list({_topic_of(m).pk: _topic_of(m) for m in meetings}.values())


def _topic_of(meeting: Meeting) -> SessionTopicPage:
    topic = meeting.session_topic
    # The meetings read here are those on a session topic (_topic_meetings).
    assert topic is not None  # noqa: S101
    return topic


def _with_review(item: MaterialItem, reviewed: bool) -> MaterialItem:
    return replace(item, reviewed=reviewed)


def _meeting_progress(
    edition: Edition, meetings: list[Meeting], *, language: str
) -> list[MeetingProgress]:
    topics = _distinct_topics(meetings)
    by_topic = _materials_by_topic(topics, language=language)
    titles = _topic_titles(topics, language=language)
    chosen = member_module_paths(edition=edition)
    reviewers = _reviewers(edition)
    result = []
    for meeting in meetings:
        topic = _topic_of(meeting)
        expected = {
            user_id
            for user_id, paths in chosen.items()
            if meeting_expects_modules(meeting=meeting, module_paths=paths)
        }
        title = meeting.title or str(titles.get(topic.pk, topic.title))
        progress = MeetingProgress(meeting, title, len(expected))
        for item in by_topic[topic.pk]:
            done = reviewers.get((topic.pk, item.key), set()) & expected
            progress.materials.append(MaterialProgress(item, len(done), len(expected)))
        result.append(progress)
    return result


def _reviewers(edition: Edition) -> dict[tuple[int, str], set[int]]:
    """Who (user ids) among the members marked each (topic, material); one query."""
    members = participant_list_members(edition=edition).values("user_id")
    marks = MaterialReview.objects.filter(edition=edition, user__in=members)
    reviewers: dict[tuple[int, str], set[int]] = {}
    for user_id, topic_id, key in marks.values_list(
        "user_id", "session_topic_id", "material_key"
    ):
        reviewers.setdefault((topic_id, key), set()).add(user_id)
    return reviewers
