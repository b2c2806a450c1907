"""A seminar's runs: each says where it meets, and its schedule reads by day."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from learning.catalogue.enums import ProgrammeFormat
from learning.editions.selectors import edition_schedule_by_day
from learning.editions.services import edition_create, edition_update, meeting_create
from tests.factories.learning import programme_tree

pytestmark = pytest.mark.django_db

MANILA = ZoneInfo("Asia/Manila")


def _codes(excinfo: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


@pytest.fixture
def seminar_tree():
    tree = programme_tree(modules=3, topics_per_module=1)
    tree.programme.programme_format = ProgrammeFormat.SEMINAR
    tree.programme.save_revision().publish()
    return tree


def _run(programme, **overrides):
    values = {
        "programme": programme,
        "starts_on": date(2027, 3, 2),
        "ends_on": date(2027, 3, 4),
        "enrolment_opens_at": datetime(2027, 1, 4, 9, tzinfo=UTC),
        "enrolment_closes_at": datetime(2027, 2, 15, 9, tzinfo=UTC),
        "places": 30,
        "time_zone": "Asia/Manila",
        "venue": "Bayanihan Training Centre",
        "city": "Cebu City",
        "country": "Philippines",
    }
    values.update(overrides)
    return edition_create(**values)


def test_a_seminar_run_keeps_its_place(seminar_tree):
    run = _run(seminar_tree.programme, venue="  Bayanihan Training Centre ")

    run.refresh_from_db()
    assert run.location_label == "Bayanihan Training Centre, Cebu City, Philippines"


def test_a_seminar_run_without_a_place_is_refused(seminar_tree):
    with pytest.raises(ValidationError) as error:
        _run(seminar_tree.programme, venue="", city="", country="")

    assert _codes(error) == {"location_required"}


def test_an_online_seminar_run_needs_no_place(seminar_tree):
    run = _run(seminar_tree.programme, venue="", city="", country="", is_online=True)

    assert run.location_label == "Online"


def test_an_online_run_cannot_also_have_a_place(seminar_tree):
    with pytest.raises(ValidationError) as error:
        _run(seminar_tree.programme, is_online=True)

    assert _codes(error) == {"location_online_with_place"}


def test_removing_a_seminar_runs_place_is_refused_and_nothing_changes(seminar_tree):
    run = _run(seminar_tree.programme)

    with pytest.raises(ValidationError) as error:
        edition_update(edition=run, data={"city": "", "country": ""})

    assert _codes(error) == {"location_required"}
    run.refresh_from_db()
    assert run.city == "Cebu City"


def test_an_online_sessions_edition_may_leave_its_place_unsaid():
    tree = programme_tree(modules=1, topics_per_module=1)

    edition = _run(tree.programme, venue="", city="", country="")

    assert edition.location_label == ""


def _session(run, topic, day: int, hour: int, minute: int = 0):
    return meeting_create(
        edition=run,
        session_topic=topic,
        starts_at=datetime(2027, 3, day, hour, minute, tzinfo=MANILA),
        duration_minutes=120,
    )


def test_the_schedule_reads_by_day_of_the_venue_with_each_sessions_module(
    seminar_tree,
):
    run = _run(seminar_tree.programme)
    topics = seminar_tree.topics
    _session(run, topics[3][0], day=3, hour=9)
    _session(run, topics[2][0], day=2, hour=13, minute=30)
    # 7:30 in Manila is still the day before in UTC: the venue's day counts.
    _session(run, topics[1][0], day=2, hour=7, minute=30)

    days = edition_schedule_by_day(edition=run)

    assert [(d.day, d.number) for d in days] == [
        (date(2027, 3, 2), 1),
        (date(2027, 3, 3), 2),
    ]
    assert [[s.module.module_number for s in d.sessions] for d in days] == [
        [1, 2],
        [3],
    ]


def test_a_session_outside_the_runs_dates_has_no_day_number(seminar_tree):
    run = _run(seminar_tree.programme)
    _session(run, seminar_tree.topics[1][0], day=1, hour=15)

    (day,) = edition_schedule_by_day(edition=run)

    assert (day.day, day.number) == (date(2027, 3, 1), None)


def test_a_session_longer_than_two_hours_is_refused(seminar_tree):
    # Seminar days are planned as two-hour blocks around breaks: one cap for all.
    run = _run(seminar_tree.programme)

    with pytest.raises(ValidationError) as error:
        meeting_create(
            edition=run,
            session_topic=seminar_tree.topics[1][0],
            starts_at=datetime(2027, 3, 2, 9, tzinfo=MANILA),
            duration_minutes=180,
        )

    assert _codes(error) == {"meeting_too_long"}
