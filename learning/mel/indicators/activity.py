"""Indicators read from what participants do: attendance, forum, materials,
certificates and the waitlist. One selector per indicator; each docstring says
what it counts. None of them depends on surveys.

Callers: `learning.mel.indicators.report` (the admin dashboard, the exports, the
API and the learning note's table all read the report).
"""

from collections import defaultdict
from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.certificates.models import Certificate
from learning.editions.models import Edition, Meeting
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Participant
from learning.forum.models import Post
from learning.materials.models import MaterialReview
from learning.materials.selectors import material_keys_for_topic

from .figures import Count, Indicator, Rate, Row
from .frame import EditionFrame, Filters, Level, edition_frame_build


class _Tallies:
    """part/whole sums per edition, module, meeting and organisation of a frame."""

    def __init__(self, frame: EditionFrame) -> None:
        self.frame = frame
        self.sums: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
        # Looked up once: `add` runs for every member at every meeting.
        self.organisation_key = {
            m.pk: (Level.ORGANISATION, m.enrolment.organisation_id)
            for m in frame.members
        }

    def keys(self, meeting: Meeting | None) -> list[tuple[str, int]]:
        """Where a mark at this meeting counts, besides the member's organisation."""
        keys: list[tuple[str, int]] = [(Level.EDITION, 0)]
        if meeting is not None:
            keys.append((Level.MEETING, meeting.pk))
            module_id = self.frame.module_of.get(meeting.pk)
            if module_id is not None:
                keys.append((Level.MODULE, module_id))
        return keys

    def add(
        self, keys: list[tuple[str, int]], member: Participant, part: int, whole: int
    ) -> None:
        for key in (*keys, self.organisation_key[member.pk]):
            sums = self.sums[key]
            sums[0] += part
            sums[1] += whole

    def rows(self, *, levels: tuple[str, ...]) -> list[Row]:
        frame, rows = self.frame, []
        labels: dict[str, list[tuple[int, str]]] = {
            Level.EDITION: [(0, frame.edition.label)],
            Level.MODULE: list(frame.module_labels().items()),
            Level.MEETING: [(m.pk, m.display_title) for m in frame.meetings],
            Level.ORGANISATION: [(o.pk, o.name) for o in frame.organisations],
        }
        for level in levels:
            for pk, label in labels[level]:
                part, whole = self.sums.get((level, pk), [0, 0])
                rows.append(Row(level, str(pk), label, Rate(part=part, whole=whole)))
        return rows


ALL_LEVELS = (Level.EDITION, Level.MODULE, Level.MEETING, Level.ORGANISATION)


def _frame(
    edition: Edition,
    filters: Filters | None,
    frame: EditionFrame | None,
    now: datetime | None,
) -> EditionFrame:
    return frame or edition_frame_build(edition=edition, filters=filters, now=now)


def attendance_rate(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Attendance rate: "present" marks over the marks that count, at held meetings.

    A member counts at a meeting when their organisation chose its module
    (meetings outside any module count for everyone); an excused absence leaves
    the count and a missing mark counts as absent, as in the attendance report.
    One query on top of the frame.
    """
    frame = _frame(edition, filters, frame, now)
    marks = {
        (participant_id, meeting_id): status
        for participant_id, meeting_id, status in Attendance.objects.filter(
            meeting__in=[m.pk for m in frame.meetings]
        ).values_list("participant_id", "meeting_id", "status")
    }
    tallies = _Tallies(frame)
    for meeting in frame.meetings:
        where = tallies.keys(meeting)
        for member in frame.expected(meeting):
            status = marks.get((member.pk, meeting.pk))
            if status != AttendanceStatus.EXCUSED:
                tallies.add(where, member, int(status == AttendanceStatus.PRESENT), 1)
    return Indicator(
        code="attendance_rate",
        label=_("Attendance rate"),
        counts=_(
            "Members present at the meetings held, of those expected (their "
            "organisation chose the meeting's module); excused absences leave "
            "the count."
        ),
        rows=tallies.rows(levels=ALL_LEVELS),
    )


def forum_activity(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Forum activity: members who answered on the forum before the meeting.

    For each held meeting on a session topic, the members expected there who
    wrote at least one post, not late and not hidden, in a thread of the
    edition on that topic before the meeting started. One query.
    """
    frame = _frame(edition, filters, frame, now)
    first_post: dict[tuple[int, int], datetime] = {}
    posts = Post.objects.filter(
        thread__edition=frame.edition,
        thread__session_topic__isnull=False,
        participant__isnull=False,
        is_late=False,
        is_hidden=False,
    ).values_list("participant_id", "thread__session_topic_id", "created_at")
    for participant_id, topic_id, created_at in posts:
        key = (participant_id, topic_id)
        first_post[key] = min(created_at, first_post.get(key, created_at))
    tallies = _Tallies(frame)
    for meeting in frame.meetings:
        if meeting.session_topic_id is None:
            continue
        where = tallies.keys(meeting)
        for member in frame.expected(meeting):
            wrote = first_post.get((member.pk, meeting.session_topic_id))
            tallies.add(
                where, member, int(bool(wrote and wrote < meeting.starts_at)), 1
            )
    return Indicator(
        code="forum_activity",
        label=_("Active in the forum before the meeting"),
        counts=_(
            "Members expected at each meeting on a session topic who posted on "
            "the forum about that topic before the meeting started."
        ),
        rows=tallies.rows(levels=ALL_LEVELS),
    )


def materials_reviewed(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Materials reviewed before each meeting, of those the meeting asks to review.

    For each held meeting whose session topic lists materials: every expected
    member times every material is one to review; it counts as reviewed when the
    member marked it before the meeting started. One query.
    """
    frame = _frame(edition, filters, frame, now)
    reviewed: dict[tuple[int, int, str], datetime] = {}
    for user_id, topic_id, key, at in MaterialReview.objects.filter(
        edition=frame.edition
    ).values_list("user_id", "session_topic_id", "material_key", "reviewed_at"):
        reviewed[(user_id, topic_id, key)] = at
    tallies = _Tallies(frame)
    for meeting in frame.meetings:
        topic = meeting.session_topic
        if topic is None:
            continue
        keys = material_keys_for_topic(session_topic=topic)
        where = tallies.keys(meeting)
        for member in frame.expected(meeting) if keys else []:
            done = sum(
                1
                for material_key in keys
                if (when := reviewed.get((member.user_id, topic.pk, material_key)))
                and when < meeting.starts_at
            )
            tallies.add(where, member, done, len(keys))
    return Indicator(
        code="materials_reviewed",
        label=_("Materials reviewed before the meeting"),
        counts=_(
            "Of the materials each meeting's session topic asks to review, those "
            "each expected member marked as reviewed before the meeting started."
        ),
        rows=tallies.rows(levels=ALL_LEVELS),
    )


def certificates_issued(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Certificates issued: members holding a valid (not revoked) certificate.

    By edition and organisation, as a share of the members. One query.
    """
    frame = _frame(edition, filters, frame, now)
    holders = set(
        Certificate.objects.valid()
        .filter(edition=frame.edition)
        .values_list("participant_id", flat=True)
    )
    tallies = _Tallies(frame)
    for member in frame.members:
        tallies.add(tallies.keys(None), member, int(member.pk in holders), 1)
    return Indicator(
        code="certificates_issued",
        label=_("Certificates issued"),
        counts=_("Members who hold a valid certificate of the edition."),
        rows=tallies.rows(levels=(Level.EDITION, Level.ORGANISATION)),
    )


# Organisations that asked for a place when none was free.
_WAITED = Q(status__in=(EnrolmentStatus.WAITLISTED, EnrolmentStatus.OFFER_EXPIRED)) | Q(
    promoted_at__isnull=False
)


def waitlist_demand(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Waitlist demand: organisations that had to wait for a place.

    Those on the waitlist now, those whose offer lapsed and those moved up from
    it, by edition and by the modules they chose. One query.
    """
    frame = _frame(edition, filters, frame, now)
    waited = Enrolment.objects.filter(_WAITED, edition=frame.edition)
    if frame.filters.organisation_id is not None:
        waited = waited.filter(organisation_id=frame.filters.organisation_id)
    pairs = list(waited.values_list("pk", "modules"))
    by_module: dict[int, set[int]] = defaultdict(set)
    for pk, module_id in pairs:
        by_module[module_id].add(pk)
    rows = [
        Row(Level.EDITION, "0", frame.edition.label, Count(len({p for p, _ in pairs})))
    ]
    rows += [
        Row(Level.MODULE, str(pk), label, Count(len(by_module.get(pk, ()))))
        for pk, label in frame.module_labels().items()
    ]
    return Indicator(
        code="waitlist_demand",
        label=_("Waitlist demand"),
        counts=_(
            "Organisations that asked for a place when none was free: on the "
            "waitlist now, moved up from it, or whose offer lapsed."
        ),
        rows=rows,
    )
