"""The demo's editions: one open now, one past and fully booked, made once."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from cms.demo.learning import OPEN_SLUG, PAST_SLUG, ensure_editions
from learning.catalogue.models import ProgrammePage
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Enrolment, Organisation, Participant
from learning.enrolments.selectors import edition_get_availability
from learning.infosessions.models import InfoSession
from learning.participants.selectors import participant_programme_list
from tests.factories import ModulePageFactory, SessionTopicPageFactory
from tests.factories.learning import ProgrammePageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2030, 1, 7)  # a Monday
NOW = timezone.make_aware(timezone.datetime(2030, 1, 7, 12))


@dataclass
class Loaded:
    programme: ProgrammePage
    users: dict[str, object]
    result: tuple[int, int]


def programme_like_the_seed() -> ProgrammePage:
    """A programme shaped like the Mutual Learning Program: 6 + 3 + 3 + 3 topics."""
    programme = ProgrammePageFactory(time_zone="Europe/London")
    for number, topics in enumerate((6, 3, 3, 3), start=1):
        module = ModulePageFactory(
            parent=programme, module_number=number, is_required_first=number == 1
        )
        for i in range(topics):
            SessionTopicPageFactory(parent=module, title=f"Topic {number}.{i + 1}")
    return programme


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo editions made once per module, in a transaction rolled back after.

    Each test runs in a savepoint of that transaction, so its changes are undone.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            programme = programme_like_the_seed()
            users = {
                key: UserFactory(email=f"participant-{key}@example.org")
                for key in ("a", "b")
            }
            result = ensure_editions(programme=programme, today=TODAY)
            yield Loaded(programme=programme, users=users, result=result)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths


@pytest.fixture
def demo_users(loaded):
    return loaded.users


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Edition, Meeting, InfoSession, Organisation, Enrolment)
    } | {"Participant": Participant.objects.count()}


def test_the_open_edition_is_upcoming_open_now_with_ten_organisations(loaded):
    edition = Edition.objects.get(slug=OPEN_SLUG)
    availability = edition_get_availability(edition=edition, now=NOW)

    assert availability.status == EditionStatus.OPEN
    assert (availability.places, availability.places_taken) == (15, 10)
    assert edition.starts_on > TODAY + timedelta(weeks=7)
    assert edition.enrolment_opens_at < NOW < edition.enrolment_closes_at


def test_the_open_editions_schedule_follows_the_seed(loaded):
    edition = Edition.objects.get(slug=OPEN_SLUG)
    meetings = list(edition.meetings.order_by("starts_at"))
    weeks = [(m.starts_at.date() - edition.starts_on).days // 7 for m in meetings]

    # Introduction, Module 1 weekly, Modules 2-3 every two weeks, Module 4 weekly.
    assert weeks == [0, 1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 15, 17, 19, 20, 21]
    assert meetings[0].session_topic is None
    assert all(m.starts_at.hour == 14 and m.starts_at.minute == 0 for m in meetings)
    assert all(m.duration_minutes <= 120 for m in meetings)
    assert all(m.join_url.startswith("https://zoom.example.org/j/") for m in meetings)
    assert all(m.interpretation_languages == ["en", "es"] for m in meetings)
    assert edition.ends_on == meetings[-1].starts_at.date()


def test_two_information_sessions_come_before_the_open_edition(loaded):
    edition = Edition.objects.get(slug=OPEN_SLUG)
    sessions = list(InfoSession.objects.order_by("starts_at"))

    assert len(sessions) == 2
    assert all(TODAY < s.starts_at.date() < edition.starts_on for s in sessions)
    assert all((s.starts_at.hour, s.duration_minutes) == (14, 60) for s in sessions)


def test_every_organisation_sends_two_or_three_people(loaded):
    for enrolment in Enrolment.objects.all():
        assert 2 <= enrolment.participants.count() <= 3
    assert Organisation.objects.values("country").distinct().count() >= 8


def test_participant_a_is_in_the_open_edition_only(loaded, demo_users):
    (item,) = participant_programme_list(user=demo_users["a"], now=NOW)

    assert item.edition.slug == OPEN_SLUG
    assert item.has_place
    assert len(item.colleagues) >= 1


def test_the_past_edition_is_fully_booked_and_over_with_participant_b(
    loaded, demo_users
):
    edition = Edition.objects.get(slug=PAST_SLUG)

    assert edition.enrolments.count() == 15
    assert not edition.meetings.filter(starts_at__gte=NOW).exists()
    assert edition.ends_on < TODAY
    (item,) = participant_programme_list(user=demo_users["b"], now=NOW)
    assert item.edition == edition
    assert item.upcoming == []
    assert all(m.recording_url for m in item.past)


def test_a_second_run_adds_nothing(loaded):
    before = counts()

    again = ensure_editions(programme=loaded.programme, today=TODAY + timedelta(days=3))

    assert loaded.result[1] == 0
    assert again == (0, 2)
    assert counts() == before
