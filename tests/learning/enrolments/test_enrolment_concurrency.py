"""Simultaneous enrolments keep the rules, on SQLite and on PostgreSQL alike.

Each thread has its own database connection, so the test needs committed data
(transaction=True) and a database other threads can open: PostgreSQL, or SQLite in a
file. On SQLite, writers must wait for each other instead of failing with "database
is locked".
"""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Organisation, Participant
from learning.enrolments.services import enrolment_create, enrolment_withdraw
from tests.factories.learning import EditionFactory, enrolment_input, programme_tree
from tests.learning.concurrency import require_concurrent_database, run_at_once

# serialized_rollback: the flush after each test removes the locales and root page
# that migrations made; the next test gets them back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def edition():
    require_concurrent_database()
    return EditionFactory(programme=programme_tree(modules=2).programme, places=15)


def test_forty_simultaneous_enrolments_fill_fifteen_places(edition):
    calls = [enrolment_input(edition, f"org{n:02d}") for n in range(40)]

    outcome = run_at_once(enrolment_create, calls)

    assert outcome.errors == []
    assert all(result.created for result in outcome.results)
    enrolments = Enrolment.objects.filter(edition=edition)
    assert Counter(enrolments.values_list("status", flat=True)) == {
        EnrolmentStatus.CONFIRMED: 15,
        EnrolmentStatus.WAITLISTED: 25,
    }
    positions = enrolments.filter(status=EnrolmentStatus.WAITLISTED).values_list(
        "waitlist_position", flat=True
    )
    assert sorted(positions) == list(range(1, 26))
    assert Organisation.objects.count() == 40
    assert Participant.objects.filter(edition=edition).count() == 80


def test_simultaneous_repeats_of_one_submission_make_one_enrolment(edition):
    outcome = run_at_once(enrolment_create, [enrolment_input(edition, "same")] * 10)

    assert outcome.errors == []
    assert len({result.enrolment.pk for result in outcome.results}) == 1
    assert sum(result.created for result in outcome.results) == 1
    assert Participant.objects.count() == 2


def test_simultaneous_withdrawals_promote_each_waiting_organisation_once(edition):
    for n in range(20):
        enrolment_create(**enrolment_input(edition, f"org{n:02d}"))
    confirmed = list(Enrolment.objects.filter(status=EnrolmentStatus.CONFIRMED)[:5])
    # Each confirmed enrolment withdrawn twice at once: five places free up.
    calls = [{"enrolment": enrolment} for enrolment in confirmed * 2]

    outcome = run_at_once(enrolment_withdraw, calls)

    assert outcome.errors == []
    statuses = Counter(
        Enrolment.objects.filter(edition=edition).values_list("status", flat=True)
    )
    assert statuses == {
        EnrolmentStatus.CONFIRMED: 10,
        EnrolmentStatus.WITHDRAWN: 5,
        EnrolmentStatus.OFFERED: 5,
    }


def test_one_organisation_enrolling_in_several_editions_at_once(edition):
    others = [EditionFactory(programme=edition.programme) for _ in range(7)]
    calls = [enrolment_input(e, "same") for e in [edition, *others]]

    outcome = run_at_once(enrolment_create, calls)

    assert outcome.errors == []
    assert Organisation.objects.count() == 1
    assert Enrolment.objects.filter(status=EnrolmentStatus.CONFIRMED).count() == 8
    assert get_user_model().objects.count() == 2
