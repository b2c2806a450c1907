"""A finished edition with hand-countable activity and survey answers, for the
MEL indicator tests (service, admin, exports and API read the same world).

Organisations A (3 members, modules 1 and 2), B (3 members, module 1) and C
(2 members, modules 1 and 2); meeting 1 (module 1) and meeting 2 (module 2)
were held, meeting 3 is still to come. The expected figures are in the tests.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.certificates.models import Certificate
from learning.editions.models import Edition, Meeting
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Participant
from learning.mel.enums import SurveyKind
from learning.mel.models import (
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
    occasion_fields,
)
from tests.factories.certificates import FinishedEditionFactory
from tests.factories.forum import PostFactory, ThreadFactory
from tests.factories.learning import (
    EnrolmentFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.materials import MaterialReviewFactory
from tests.factories.users import UserFactory

P, A, E = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED


def deck(key: str) -> dict:
    return {
        "type": "presentation",
        "id": key,
        "value": {"title": key, "document": None, "url": "https://example.org/d"}
        | {"description": ""},
    }


def question(kind: str, key: str, text: str) -> dict:
    return {"type": kind, "id": key, "value": {"text": text}}


@dataclass
class World:
    edition: Edition
    meetings: list[Meeting]
    modules: list
    orgs: dict
    people: dict[str, list[Participant]]
    surveys: dict[str, Survey] = field(default_factory=dict)
    facilitator: object = None
    coordinator: object = None
    other_facilitator: object = None


def build_world() -> World:
    tree = programme_tree(modules=2, topics_per_module=1)
    topic_1, topic_2 = tree.topics[1][0], tree.topics[2][0]
    topic_1.materials = [deck("deck-1"), deck("deck-2")]
    topic_1.save()
    topic_2.materials = [deck("deck-3")]
    topic_2.save()
    edition = FinishedEditionFactory(programme=tree.programme, title="MEL run")
    now = timezone.now()
    meetings = [
        MeetingFactory(
            edition=edition, session_topic=topic_1, starts_at=now - timedelta(days=30)
        ),
        MeetingFactory(
            edition=edition, session_topic=topic_2, starts_at=now - timedelta(days=20)
        ),
        MeetingFactory(
            edition=edition, session_topic=topic_2, starts_at=now + timedelta(days=5)
        ),
    ]
    orgs, people = {}, {}
    for key, count, modules in (
        ("A", 3, tree.modules),
        ("B", 3, tree.modules[:1]),
        ("C", 2, tree.modules),
    ):
        orgs[key] = OrganisationFactory(name=f"Org {key}")
        enrolment = EnrolmentFactory(edition=edition, organisation=orgs[key])
        enrolment.modules.set(modules)
        people[key] = [
            ParticipantFactory(
                enrolment=enrolment,
                user=UserFactory(email=f"{key.lower()}{i}@example.org"),
                name=f"{key}{i}",
                preferred_language="es" if (key, i) == ("B", 1) else "en",
            )
            for i in range(1, count + 1)
        ]
    world = World(edition, meetings, tree.modules, orgs, people)
    _attendance(world)
    _forum(world, topic_1, topic_2)
    _materials(world, topic_1)
    _certificates(world)
    _waitlist(world)
    _surveys(world)
    _staff(world)
    return world


def _attendance(world: World) -> None:
    m1, m2, _ = world.meetings
    a, b, c = (world.people[k] for k in "ABC")
    marks = {
        m1: [
            (a[0], P),
            (a[1], P),
            (a[2], A),
            (b[0], P),
            (b[1], E),
            (c[0], P),
            (c[1], P),
        ],
        m2: [(a[0], P), (a[1], P), (a[2], P), (c[0], A)],
    }
    for meeting, rows in marks.items():
        for participant, status in rows:
            Attendance.objects.create(
                meeting=meeting, participant=participant, status=status
            )


def _forum(world: World, topic_1, topic_2) -> None:
    m1, m2, _ = world.meetings
    a, b, c = (world.people[k] for k in "ABC")
    thread_1 = ThreadFactory(edition=world.edition, session_topic=topic_1)
    thread_2 = ThreadFactory(edition=world.edition, session_topic=topic_2)
    before_1, before_2 = (
        m1.starts_at - timedelta(days=1),
        m2.starts_at - timedelta(days=1),
    )
    PostFactory(
        thread=thread_1, author=a[0].user, participant=a[0], created_at=before_1
    )
    PostFactory(
        thread=thread_1, author=a[0].user, participant=a[0], created_at=before_1
    )
    PostFactory(
        thread=thread_1,
        author=b[0].user,
        participant=b[0],
        created_at=m1.starts_at,
        is_late=True,
    )
    PostFactory(
        thread=thread_1,
        author=c[0].user,
        participant=c[0],
        created_at=before_1,
        is_hidden=True,
    )
    PostFactory(
        thread=thread_2, author=a[1].user, participant=a[1], created_at=before_2
    )


def _materials(world: World, topic_1) -> None:
    m1 = world.meetings[0]
    a, b = world.people["A"], world.people["B"]
    for user, key, at in (
        (a[0].user, "deck-1", m1.starts_at - timedelta(hours=2)),
        (a[0].user, "deck-2", m1.starts_at - timedelta(hours=1)),
        (a[1].user, "deck-1", m1.starts_at + timedelta(hours=3)),
        (b[0].user, "deck-2", m1.starts_at - timedelta(days=2)),
    ):
        MaterialReviewFactory(
            user=user,
            edition=world.edition,
            session_topic=topic_1,
            material_key=key,
            reviewed_at=at,
        )


def _certificates(world: World) -> None:
    a, b = world.people["A"], world.people["B"]
    for participant, revoked in ((a[0], False), (a[1], False), (b[0], True)):
        Certificate.objects.create(
            participant=participant,
            edition=world.edition,
            code_hash=hashlib.sha256(participant.email.encode()).hexdigest(),
            issued_at=timezone.now(),
            revoked_at=timezone.now() if revoked else None,
            holder_name=participant.name,
            organisation_name="Org",
            hours=10,
        )


def _waitlist(world: World) -> None:
    waiting = EnrolmentFactory(
        edition=world.edition, status=EnrolmentStatus.WAITLISTED, waitlist_position=1
    )
    waiting.modules.set(world.modules[:1])
    EnrolmentFactory(edition=world.edition, promoted_at=timezone.now())


def respond(
    survey, *, occasion, organisation, language, scores, user=None, submitted=True
):
    """A response with scores by question id (text answers where a str is given)."""
    now = timezone.now()
    response = SurveyResponse.objects.create(
        survey=survey,
        **occasion_fields(**occasion),
        organisation=organisation,
        language=language,
        user=user,
        started_at=now,
        submitted_at=now if submitted else None,
    )
    for question_id, value in scores.items():
        if isinstance(value, str):
            SurveyAnswer.objects.create(
                response=response, question_id=question_id, text=value
            )
        else:
            SurveyAnswer.objects.create(
                response=response, question_id=question_id, score=value
            )
    return response


def _surveys(world: World) -> None:
    programme, edition = world.edition.programme, world.edition
    m1 = world.meetings[0]
    after = Survey.objects.create(
        title="After the meeting",
        programme=programme,
        kind=SurveyKind.AFTER_MEETING,
        questions=[
            question("score", "q-useful", "How useful was it?"),
            question("text", "q-learned", "One thing you learned"),
        ],
    )
    before_module = Survey.objects.create(
        title="Before",
        programme=programme,
        kind=SurveyKind.MODULE_BEFORE,
        questions=[question("objective", "q-obj-before", "I can plan a dialogue")],
    )
    after_module = Survey.objects.create(
        title="After",
        programme=programme,
        kind=SurveyKind.MODULE_AFTER,
        questions=[question("objective", "q-obj-after", "I can plan a dialogue")],
    )
    world.surveys = {
        "after": after,
        "before_module": before_module,
        "after_module": after_module,
    }
    orgs = world.orgs
    meeting = {"meeting": m1, "edition": edition}
    for org, language, score, text in (
        ("A", "en", 5, "Listening first"),
        ("A", "es", 4, "Escuchar primero"),
        ("A", "en", 3, "Mapping"),
        ("B", "es", 2, "Nada"),
        ("C", "en", 4, "Dialogue"),
        ("C", "en", 4, "Trust"),
    ):
        respond(
            after,
            occasion=meeting,
            organisation=orgs[org],
            language=language,
            scores={"q-useful": score, "q-learned": text},
        )
    respond(
        after,
        occasion=meeting,
        organisation=orgs["A"],
        language="en",
        scores={"q-useful": 1},
        submitted=False,
    )
    module = {"module": world.modules[0], "edition": edition}
    for org, before, after_score in (("A", 2, 4), ("A", 2, 4), ("C", 3, 5)):
        respond(
            before_module,
            occasion=module,
            organisation=orgs[org],
            language="en",
            scores={"q-obj-before": before},
        )
        respond(
            after_module,
            occasion=module,
            organisation=orgs[org],
            language="en",
            scores={"q-obj-after": after_score},
        )
    members = [p for key in "ABC" for p in world.people[key]]
    for index, participant in enumerate(members):
        SurveyInvitation.objects.create(
            survey=after,
            **occasion_fields(**meeting),
            user=participant.user,
            email=participant.email,
            language="en",
            sent_at=timezone.now(),
            answered_at=timezone.now() if index < 6 else None,
        )


def _staff(world: World) -> None:
    world.facilitator = UserFactory(email="facilitator@example.org", is_staff=True)
    world.edition.facilitators.add(world.facilitator)
    world.other_facilitator = UserFactory(email="other@example.org", is_staff=True)
    other = FinishedEditionFactory(programme=world.edition.programme)
    other.facilitators.add(world.other_facilitator)
    world.coordinator = UserFactory(email="coordinator@example.org", is_staff=True)
    world.coordinator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="editions", codename="change_edition"
        )
    )
    for user in (world.facilitator, world.other_facilitator, world.coordinator):
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
