"""What to review before each meeting and who reviewed it: reads an edition's
meetings and the members' review marks, scoped by `learning.enrolments.membership`
(`Edition.DoesNotExist` for non-members, which views turn into a 404)."""

from dataclasses import dataclass, field, replace

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count

from learning.catalogue.models import SessionTopicPage
from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import (
    edition_get_for_member,
    edition_list_for_member,
    edition_role_for_user,
    participant_list_members,
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
    """How many of the edition's participants reviewed one material."""

    material: MaterialItem
    reviewed: int
    total: int

    @property
    def percent(self) -> int:
        """The share of participants who reviewed it, in whole percent."""
        return round(100 * self.reviewed / self.total) if self.total else 0


@dataclass
class MeetingProgress:
    """Review progress of each material of one meeting."""

    meeting: Meeting
    title: str
    participants: int
    materials: list[MaterialProgress] = field(default_factory=list)


def meeting_materials_for_member(
    *, user: AbstractBaseUser | None, edition_id: int, language: str
) -> tuple[Edition, list[MeetingMaterials]]:
    """The edition; each meeting with its topic's materials and the user's marks.

    Raises `Edition.DoesNotExist` when the user is not a member of the edition.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    meetings = _topic_meetings(edition)
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
        topic = meeting.session_topic
        materials = [
            _with_review(item, (topic.pk, item.key) in reviewed)
            for item in by_topic[topic.pk]
        ]
        title = meeting.title or titles.get(topic.pk, topic.title)
        result.append(MeetingMaterials(meeting, title, topic, materials))
    return edition, result


def review_progress_for_edition(
    *, user: AbstractBaseUser | None, edition_id: int, language: str
) -> tuple[Edition, list[MeetingProgress]]:
    """Per meeting, how many participants reviewed each material (N of M).

    For the edition's facilitators and coordinators: `Edition.DoesNotExist` for
    non-members, `PermissionDenied` for participants.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    if edition_role_for_user(user=user, edition=edition) not in STAFF_ROLES:
        raise PermissionDenied("not_a_facilitator")
    meetings = _topic_meetings(edition)
    return edition, _meeting_progress(edition, meetings, language=language)


def review_progress_for_meeting(
    *, user: AbstractBaseUser | None, meeting_id: int, language: str
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


def _distinct_topics(meetings: list[Meeting]) -> list[SessionTopicPage]:
    return list({m.session_topic_id: m.session_topic for m in meetings}.values())


def _with_review(item: MaterialItem, reviewed: bool) -> MaterialItem:
    return replace(item, reviewed=reviewed)


def _meeting_progress(
    edition: Edition, meetings: list[Meeting], *, language: str
) -> list[MeetingProgress]:
    topics = _distinct_topics(meetings)
    by_topic = _materials_by_topic(topics, language=language)
    titles = _topic_titles(topics, language=language)
    members = participant_list_members(edition=edition).values("user_id")
    total = members.distinct().count()
    counts = {
        (row["session_topic_id"], row["material_key"]): row["reviewed"]
        for row in MaterialReview.objects.filter(edition=edition, user__in=members)
        .values("session_topic_id", "material_key")
        .annotate(reviewed=Count("user", distinct=True))
    }
    result = []
    for meeting in meetings:
        topic = meeting.session_topic
        progress = MeetingProgress(
            meeting, meeting.title or titles.get(topic.pk, topic.title), total
        )
        for item in by_topic[topic.pk]:
            count = counts.get((topic.pk, item.key), 0)
            progress.materials.append(MaterialProgress(item, count, total))
        result.append(progress)
    return result
