"""Registrations at once, each on its own connection: the places fill exactly."""

import pytest

from learning.registrations.enums import RegistrationStatus
from learning.registrations.models import Registration
from learning.registrations.services import registration_cancel, registration_submit
from tests.factories.registrations import SeminarRunFactory, target_group_ids
from tests.learning.concurrency import require_concurrent_database, run_at_once


def register(*, edition, email, group):
    return registration_submit(
        edition=edition,
        name="Ana Reyes",
        email=email,
        institution="",
        country="",
        language="en",
        target_group=group,
        consent=True,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_registrations_fill_exactly_the_places_then_the_waitlist():
    require_concurrent_database()
    run = SeminarRunFactory(places=3)
    group = target_group_ids(run)[0]
    calls = [
        {"edition": run, "email": f"p{n}@example.org", "group": group} for n in range(8)
    ]

    outcome = run_at_once(register, calls)

    assert outcome.errors == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == 3
    assert statuses.count(RegistrationStatus.WAITLISTED) == 5
    assert sum(not result.waitlisted for result in outcome.results) == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_cancellations_give_each_freed_place_to_one_person():
    require_concurrent_database()
    run = SeminarRunFactory(places=2)
    group = target_group_ids(run)[0]
    people = [
        register(edition=run, email=f"p{n}@example.org", group=group).registration
        for n in range(5)
    ]

    outcome = run_at_once(
        registration_cancel, [{"registration": person} for person in people[:2]]
    )

    assert outcome.errors == []
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert [statuses[f"p{n}@example.org"] for n in range(5)] == [
        RegistrationStatus.CANCELLED,
        RegistrationStatus.CANCELLED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]
