"""The participants' readiness in the facilitators' forum digest before a meeting:
by organisation, for the edition's staff only, in the facilitator's language, at
a cost that does not grow with the organisations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.core.digests import (
    digest_section_register,
    digest_section_unregister,
    digest_sections,
)
from learning.forum.digests import MEETING_DIGEST, meeting_digest_sections
from learning.forum.models import Post
from learning.forum.services import forum_digest_send
from learning.forum.tasks import forum_digest_email_send
from learning.materials.services import material_mark_reviewed
from learning.preparation.digests import READINESS_SECTION
from tests.factories.learning import EditionFactory
from tests.factories.users import UserFactory

from .conftest import MATERIAL_KEYS, PrepWorld, enrolled
from .test_readiness_and_reminders import do_everything

pytestmark = pytest.mark.django_db

HEADING = "Readiness of the participants"


@pytest.fixture
def digest(django_capture_on_commit_callbacks, mailoutbox):
    """The digest of the meeting as sent by the job; the facilitator's email."""

    def send(world: PrepWorld, meeting):
        with django_capture_on_commit_callbacks(execute=True):
            forum_digest_send(meeting=meeting, now=timezone.now())
        mine = [m for m in mailoutbox if m.to == [world.facilitator.email]]
        return mine[0] if mine else None

    return send


@pytest.fixture
def no_sections():
    """The registry without the readiness section, restored afterwards."""
    digest_section_unregister(MEETING_DIGEST, READINESS_SECTION.key)
    yield
    digest_section_register(MEETING_DIGEST, READINESS_SECTION)


def line_of(body: str, participant) -> str:
    """The text line of the participant's organisation."""
    name = participant.enrolment.organisation.name
    return next(line for line in body.splitlines() if line.startswith(name))


def test_the_digest_shows_readiness_by_organisation(world, digest):
    do_everything(world, world.participant_a, world.module_1)

    message = digest(world, world.module_1)

    body = message.body
    assert HEADING in body
    assert "Ready (every material reviewed, every question answered): 1 of 3." in body
    # Organisation A: participant A did both materials and questions, the
    # colleague nothing; organisation C nothing yet.
    line_a = line_of(body, world.participant_a)
    assert "2 of 4 reviewed" in line_a and "2 of 4 answered" in line_a
    line_c = line_of(body, world.participant_c)
    assert "0 of 2 reviewed" in line_c and "0 of 2 answered" in line_c
    assert f"- {world.participant_a.name}: 2 of 2 reviewed · 2 of 2 answered" in body
    page = f"/preparation/{world.edition.pk}/readiness/"
    page += f"#readiness-{world.module_1.pk}-title"
    assert page in body
    html = message.alternatives[0][0]
    assert HEADING in html and 'href="http' in html and page in html


def test_the_excused_are_named_and_left_out_of_the_counts(world, digest):
    do_everything(world, world.participant_a, world.module_1)
    Attendance.objects.create(
        meeting=world.module_1,
        participant=world.colleague_a,
        status=AttendanceStatus.EXCUSED,
    )

    body = digest(world, world.module_1).body

    line_a = line_of(body, world.participant_a)
    assert "2 of 2 reviewed" in line_a
    assert f"- {world.colleague_a.name}: excused from the meeting" in body
    assert "1 of 2." in body


def test_a_meeting_that_asks_no_preparation_has_no_section(world, digest):
    topic = world.module_1.session_topic
    do_everything(world, world.participant_a, world.module_1)
    topic.materials = []
    topic.forum_questions = []
    topic.save()

    message = digest(world, world.module_1)

    assert message is not None  # the answers already given still go out
    assert HEADING not in message.body


def test_a_facilitator_of_another_edition_never_sees_it(world, digest, mailoutbox):
    other = EditionFactory(programme=world.edition.programme, title="Edition Q")
    outsider = UserFactory(email="facilitator-q@example.org")
    other.facilitators.add(outsider)
    do_everything(world, world.participant_a, world.module_1)

    digest(world, world.module_1)
    # Even handed the outsider by mistake, the section leaves them out.
    sections = meeting_digest_sections(
        meeting=world.module_1,
        users=[world.facilitator, outsider, world.participant_a.user],
        language_of=lambda user: "en",
    )

    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]
    assert list(sections) == [world.facilitator.pk]


def test_the_section_is_in_the_facilitators_language(world, digest):
    world.facilitator.preferred_language = "es"
    world.facilitator.save()
    do_everything(world, world.participant_a, world.module_1)

    body = digest(world, world.module_1).body

    assert f"/es/preparation/{world.edition.pk}/readiness/" in body
    # Needs the Spanish catalogue (es_pending/digest.json merged by the lead).
    assert "Preparación de los participantes" in body


def test_with_no_section_registered_the_digest_is_unchanged(world, digest, no_sections):
    do_everything(world, world.participant_a, world.module_1)

    assert digest_sections(digest=MEETING_DIGEST) == []
    with CaptureQueriesContext(connection) as captured:
        sections = meeting_digest_sections(
            meeting=world.module_1, users=[world.facilitator], language_of=str
        )
    message = digest(world, world.module_1)

    assert sections == {}
    assert len(captured.captured_queries) == 0
    assert HEADING not in message.body
    assert "/readiness/" not in message.alternatives[0][0]
    # The text ends with the forum's link, as before sections existed.
    assert message.body.rstrip().splitlines()[-1].startswith("Forum: ")


def test_the_digest_costs_the_same_with_more_organisations(world, mailoutbox):
    do_everything(world, world.participant_a, world.module_1)
    post_ids = list(Post.objects.values_list("pk", flat=True))

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            forum_digest_email_send.call(
                meeting_id=world.module_1.pk,
                post_ids=post_ids,
                user_ids=[world.facilitator.pk],
            )
        return len(captured.captured_queries)

    count()  # warm the caches (site, locales) shared by every run
    before = count()
    modules = list(world.participant_a.enrolment.modules.all())
    for n in range(3):
        for person in enrolled(
            world.edition, modules, f"a{n}@example.org", f"b{n}@example.org"
        ):
            material_mark_reviewed(
                user=person.user,
                edition=world.edition,
                session_topic=world.module_1.session_topic,
                material_key=MATERIAL_KEYS[0],
            )
    assert count() == before
    body = mailoutbox[-1].body
    assert HEADING in body and "Ready (every material reviewed" in body
    assert body.count("1 of 2 reviewed") == 6  # each new person, one material
