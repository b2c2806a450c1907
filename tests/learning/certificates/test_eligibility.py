"""The certificate rule: each chosen module (Module 1 included) at the threshold."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.catalogue.models import ProgrammePage
from learning.certificates.selectors import (
    certificate_eligibility,
    certificate_eligibility_for_edition,
)
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Participant
from tests.factories.certificates import PastMeetingFactory

P, A, E = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
ALL = (P, P, P, P)


@pytest.mark.parametrize(
    ("marks", "threshold", "eligible", "codes"),
    [
        pytest.param({1: ALL, 2: ALL}, 75, True, [], id="all-present"),
        pytest.param({1: (P, P, P, A), 2: (P, P, P, A)}, 75, True, [], id="exactly-75"),
        pytest.param(
            {1: ALL, 2: (P, P, A, A)},
            75,
            False,
            ["module_attendance_below_threshold"],
            id="module-2-below",
        ),
        pytest.param(
            {1: (P, A, A, A), 2: ALL},
            75,
            False,
            ["module_attendance_below_threshold"],
            id="module-1-below",
        ),
        pytest.param(
            {1: (), 2: ALL},
            75,
            False,
            ["module_attendance_below_threshold"],
            id="module-1-missing",
        ),
        pytest.param(
            {1: (P, P, P, E), 2: (P, P, E, A)},
            75,
            False,
            ["module_attendance_below_threshold"],
            id="excused-leaves-the-count",
        ),
        pytest.param({1: (P, P, P, E), 2: (P, P, P, E)}, 75, True, [], id="excused"),
        pytest.param({1: (E, E, E, E), 2: ALL}, 75, False, None, id="all-excused"),
        pytest.param({1: (P, P, A, A), 2: (P, P, A, A)}, 50, True, [], id="custom-50"),
        pytest.param(
            {1: ALL, 2: (P, P, P, A)},
            100,
            False,
            ["module_attendance_below_threshold"],
            id="custom-100",
        ),
    ],
)
def test_eligibility_matrix(course, marks, threshold, eligible, codes):
    ProgrammePage.objects.filter(pk=course.site.programme.pk).update(
        certificate_attendance_threshold=threshold
    )
    participant = course.enrol(email="p@example.org", modules=(1, 2))
    for module, statuses in marks.items():
        course.mark(participant, module, *statuses)
    participant = Participant.objects.get(pk=participant.pk)  # the new threshold

    result = certificate_eligibility(participant=participant)

    assert result.eligible is eligible
    if codes is not None:
        assert [r.code for r in result.reasons] == codes
    assert [m.module.module_number for m in result.modules] == [1, 2]
    assert result.threshold == threshold


def test_module_1_counts_even_when_not_chosen(course):
    participant = course.enrol(email="p@example.org", modules=(2,))
    course.attend_all(participant, 2)

    result = certificate_eligibility(participant=participant)

    assert not result.eligible
    assert [m.module.module_number for m in result.modules] == [1, 2]
    assert "Module 1 in English" in result.reasons[0].message


def test_reason_names_the_module_and_numbers(course):
    participant = course.enrol(email="p@example.org", modules=(1, 2))
    course.attend_all(participant, 1)
    course.mark(participant, 2, P, A, A, A)

    (reason,) = certificate_eligibility(participant=participant).reasons

    assert reason.message == (
        "Module 2 in English: attended 1 of 4 meetings (25%); 75% needed."
    )


def test_reason_in_the_active_language(course, settings):
    from django.utils import translation

    participant = course.enrol(email="p@example.org", modules=(1,))
    with translation.override("es"):
        (reason,) = certificate_eligibility(participant=participant).reasons
    assert "Módulo 1 en español" in reason.message


def test_edition_not_finished(site):
    from tests.learning.certificates.conftest import course_build

    course = course_build(site, ends_on=(timezone.now() + timedelta(days=5)).date())
    participant = course.enrol(email="p@example.org", modules=(1,))
    course.attend_all(participant, 1)

    result = certificate_eligibility(participant=participant)

    assert [r.code for r in result.reasons] == ["edition_not_finished"]


def test_not_confirmed(course):
    participant = course.enrol(email="p@example.org", modules=(1,))
    course.attend_all(participant, 1)
    participant.enrolment.status = EnrolmentStatus.WITHDRAWN
    participant.enrolment.save()

    result = certificate_eligibility(participant=participant)

    assert [r.code for r in result.reasons] == ["not_confirmed"]


def test_meetings_not_yet_held_do_not_count(course):
    participant = course.enrol(email="p@example.org", modules=(1,))
    course.attend_all(participant, 1)
    topic = course.meetings[1][0].session_topic
    PastMeetingFactory(
        edition=course.edition,
        session_topic=topic,
        starts_at=timezone.now() + timedelta(days=1),
    )

    assert certificate_eligibility(participant=participant).eligible


def test_no_meetings(site):
    from tests.factories.certificates import FinishedEditionFactory
    from tests.learning.certificates.conftest import Course

    course = Course(site=site, edition=FinishedEditionFactory(programme=site.programme))
    participant = course.enrol(email="p@example.org", modules=(1,))

    result = certificate_eligibility(participant=participant)

    assert [r.code for r in result.reasons] == ["no_meetings"]


def test_edition_table_costs_the_same_for_more_people(
    course, django_assert_max_num_queries
):
    for i in range(12):
        person = course.enrol(email=f"p{i}@example.org", modules=(1, 2))
        course.attend_all(person, 1, 2)

    with django_assert_max_num_queries(12):
        rows = certificate_eligibility_for_edition(edition=course.edition)

    assert len(rows) == 12
    assert all(row.eligibility.eligible for row in rows)
