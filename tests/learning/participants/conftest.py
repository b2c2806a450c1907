"""Two editions of one programme, a participant in each, with meetings."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
)
from tests.factories.users import UserFactory
from tests.learning.public_site import PublicProgramme, public_site  # noqa: F401

# A fixed "now" for the selectors; the pages use the real clock, so meetings the
# pages show are placed relative to timezone.now() instead.
NOW = datetime(2030, 3, 4, 12, 0, tzinfo=UTC)


@dataclass
class Seat:
    """A participant's place in an edition, with its meetings."""

    edition: Edition
    participant: Participant
    meetings: list[Meeting]


@pytest.fixture
def site(public_site, db) -> PublicProgramme:  # noqa: F811
    return public_site


def seat(
    site: PublicProgramme,
    *,
    email: str,
    start: datetime,
    title: str,
    modules: int = 3,
    **user_fields,
) -> Seat:
    """An edition with three meetings a week apart (module 1..3) and one participant."""
    edition = EditionFactory(programme=site.programme, title=title)
    enrolment = EnrolmentFactory(edition=edition)
    enrolment.modules.set(site.modules[:modules])
    user = UserFactory(email=email, **user_fields)
    participant = ParticipantFactory(enrolment=enrolment, user=user)
    meetings = [
        MeetingFactory(
            edition=edition,
            session_topic=module.get_children().first().specific,
            starts_at=start + timedelta(weeks=i),
            join_url=f"https://zoom.example.org/j/{edition.pk}00{i}",
        )
        for i, module in enumerate(site.modules)
    ]
    return Seat(edition=edition, participant=participant, meetings=meetings)


@pytest.fixture
def seat_a(site) -> Seat:
    return seat(
        site, email="a@example.org", start=NOW + timedelta(days=1), title="Edition A"
    )


@pytest.fixture
def seat_b(site) -> Seat:
    return seat(
        site, email="b@example.org", start=NOW + timedelta(days=2), title="Edition B"
    )
