"""The API's status filter runs in the database and agrees with the computed status,
in every edition's own time zone."""

from datetime import UTC, date, datetime

import pytest

from learning.editions.enums import EditionStatus
from learning.editions.selectors import edition_get_status, edition_list_with_status
from tests.factories.learning import EditionFactory, EnrolmentFactory

NOW = datetime(2025, 4, 30, 20, tzinfo=UTC)
ENDED = date(2025, 4, 29)
WINDOW_OPEN = {
    "enrolment_opens_at": datetime(2025, 4, 1, tzinfo=UTC),
    "enrolment_closes_at": datetime(2025, 5, 10, tzinfo=UTC),
    "starts_on": date(2025, 6, 1),
    "ends_on": date(2025, 9, 30),
}
WINDOW_PAST = {
    "enrolment_opens_at": datetime(2025, 3, 1, tzinfo=UTC),
    "enrolment_closes_at": datetime(2025, 4, 1, tzinfo=UTC),
    "starts_on": date(2025, 5, 1),
    "ends_on": date(2025, 9, 30),
}


@pytest.fixture
def editions(tree):
    """One edition in each status at NOW; two differ only by their time zone."""
    full = EditionFactory(programme=tree.programme, places=1, **WINDOW_OPEN)
    EnrolmentFactory(edition=full)
    return {
        EditionStatus.UPCOMING: EditionFactory(
            programme=tree.programme,
            **(WINDOW_OPEN | {"enrolment_opens_at": datetime(2025, 5, 2, tzinfo=UTC)}),
        ),
        EditionStatus.OPEN: EditionFactory(programme=tree.programme, **WINDOW_OPEN),
        EditionStatus.FULLY_BOOKED: full,
        # 20:00 UTC on 30 April is already 1 May in Auckland: running there.
        EditionStatus.CLOSED: EditionFactory(programme=tree.programme, **WINDOW_PAST),
        EditionStatus.RUNNING: EditionFactory(
            programme=tree.programme, time_zone="Pacific/Auckland", **WINDOW_PAST
        ),
        EditionStatus.FINISHED: EditionFactory(
            programme=tree.programme,
            **(WINDOW_PAST | {"starts_on": date(2025, 4, 2), "ends_on": ENDED}),
        ),
    }


@pytest.mark.parametrize("status", list(EditionStatus))
def test_each_status_lists_exactly_the_editions_in_it(editions, status):
    listed = list(edition_list_with_status(status=status, now=NOW))

    assert listed == [editions[status]]
    assert edition_get_status(edition=listed[0], now=NOW) == status
