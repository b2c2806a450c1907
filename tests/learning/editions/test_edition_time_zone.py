"""One source for an edition's time zone: its own, seeded from the programme's
when it is created and changed on the edition only."""

from datetime import UTC, date, datetime

import pytest

from learning.editions.models import Edition
from learning.editions.services import edition_create, edition_update
from tests.factories.learning import EditionFactory

pytestmark = pytest.mark.django_db


def _create(programme, **overrides):
    return edition_create(
        programme=programme,
        title="September 2025",
        starts_on=date(2025, 5, 1),
        ends_on=date(2025, 9, 30),
        enrolment_opens_at=datetime(2025, 3, 1, 9, tzinfo=UTC),
        enrolment_closes_at=datetime(2025, 4, 1, 9, tzinfo=UTC),
        places=15,
        **overrides,
    )


@pytest.fixture
def programme(tree):
    tree.programme.time_zone = "Africa/Nairobi"
    tree.programme.save()
    return tree.programme


def test_a_new_edition_starts_in_the_programmes_zone(programme):
    edition = _create(programme)

    assert edition.time_zone == "Africa/Nairobi"
    assert edition.zone_name == "Africa/Nairobi"


def test_a_new_edition_may_have_its_own_zone(programme):
    edition = _create(programme, time_zone="America/Bogota")

    assert edition.zone_name == "America/Bogota"


def test_changing_the_programmes_zone_leaves_its_editions_as_they_are(programme):
    edition = _create(programme)

    programme.time_zone = "Asia/Manila"
    programme.save()

    assert Edition.objects.get(pk=edition.pk).zone_name == "Africa/Nairobi"


def test_the_edition_changes_its_zone_itself(programme):
    edition = _create(programme)

    edition_update(edition=edition, data={"time_zone": "Europe/Madrid"})

    assert Edition.objects.get(pk=edition.pk).zone_name == "Europe/Madrid"


def test_a_zone_name_that_no_longer_exists_reads_as_utc(programme):
    # A zone can leave the tz database after it was stored.
    edition = EditionFactory(programme=programme, time_zone="Mars/Olympus_Mons")

    assert edition.zone is UTC
    assert edition.zone_name == "UTC"
