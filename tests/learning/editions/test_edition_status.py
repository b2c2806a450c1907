"""An edition's status is computed from its window, dates and places, never stored."""

from datetime import UTC, date, datetime

import pytest

from learning.editions.enums import EditionStatus
from learning.editions.models import Edition
from learning.editions.selectors import (
    edition_get_status,
    edition_list_for_programme,
    edition_status_compute,
)
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.selectors import edition_get_availability
from tests.factories.learning import EditionFactory, EnrolmentFactory


def _edition(**overrides: object) -> Edition:
    values = {
        "enrolment_opens_at": datetime(2025, 3, 1, 9, tzinfo=UTC),
        "enrolment_closes_at": datetime(2025, 4, 1, 9, tzinfo=UTC),
        "starts_on": date(2025, 5, 1),
        "ends_on": date(2025, 9, 30),
        "places": 15,
        "time_zone": "UTC",
    }
    values.update(overrides)
    return Edition(**values)


@pytest.mark.parametrize(
    ("now", "places_taken", "expected"),
    [
        (datetime(2025, 2, 28, 12, tzinfo=UTC), 0, EditionStatus.UPCOMING),
        (datetime(2025, 3, 1, 9, tzinfo=UTC), 0, EditionStatus.OPEN),
        (datetime(2025, 3, 15, tzinfo=UTC), 14, EditionStatus.OPEN),
        (datetime(2025, 3, 15, tzinfo=UTC), 15, EditionStatus.FULLY_BOOKED),
        (datetime(2025, 4, 1, 9, tzinfo=UTC), 3, EditionStatus.CLOSED),
        (datetime(2025, 5, 1, 0, tzinfo=UTC), 15, EditionStatus.RUNNING),
        (datetime(2025, 9, 30, 23, tzinfo=UTC), 15, EditionStatus.RUNNING),
        (datetime(2025, 10, 1, 0, tzinfo=UTC), 15, EditionStatus.FINISHED),
    ],
)
def test_status_follows_the_window_dates_and_places(now, places_taken, expected):
    status = edition_status_compute(
        edition=_edition(), places_taken=places_taken, now=now
    )

    assert status == expected


def test_dates_are_read_in_the_editions_time_zone():
    edition = _edition(time_zone="America/Bogota")
    # 1 May 03:00 UTC is still 30 April in Bogotá.
    now = datetime(2025, 5, 1, 3, tzinfo=UTC)

    assert edition_status_compute(edition=edition, places_taken=0, now=now) == (
        EditionStatus.CLOSED
    )


@pytest.mark.django_db
def test_places_taken_count_pending_confirmed_and_offered_only():
    edition = EditionFactory(places=4)
    for status in EnrolmentStatus.values:
        EnrolmentFactory(
            edition=edition,
            status=status,
            waitlist_position=1 if status == EnrolmentStatus.WAITLISTED else None,
        )

    availability = edition_get_availability(edition=edition)

    assert availability.places_taken == 3
    assert availability.places_left == 1
    assert availability.waitlist_length == 1
    assert availability.status == EditionStatus.OPEN


@pytest.mark.django_db
def test_a_full_edition_is_fully_booked_with_no_places_left():
    edition = EditionFactory(places=2)
    EnrolmentFactory.create_batch(2, edition=edition)

    availability = edition_get_availability(edition=edition)

    assert availability.status == EditionStatus.FULLY_BOOKED
    assert availability.places_left == 0
    assert edition_get_status(edition=edition) == EditionStatus.FULLY_BOOKED


@pytest.mark.django_db
def test_list_for_programme_annotates_places_in_one_query(
    django_assert_num_queries,
):
    full = EditionFactory(places=1)
    EnrolmentFactory(edition=full)
    other = EditionFactory(programme=full.programme, places=5)

    # The editions; the programme, known to be in the default language, is its
    # own source.
    with django_assert_num_queries(1):
        editions = list(edition_list_for_programme(programme=full.programme))
        statuses = {e.pk: edition_get_status(edition=e) for e in editions}

    assert statuses == {
        full.pk: EditionStatus.FULLY_BOOKED,
        other.pk: EditionStatus.OPEN,
    }


@pytest.mark.django_db
def test_list_for_programme_accepts_a_translation(locales):
    edition = EditionFactory()
    spanish = edition.programme.copy_for_translation(locales["es"], copy_parents=True)

    assert list(edition_list_for_programme(programme=spanish)) == [edition]
