"""A coordinator creates editions and their meetings through the services."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from learning.editions.selectors import edition_schedule
from learning.editions.services import (
    edition_create,
    edition_update,
    meeting_create,
    meeting_update,
)
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment
from learning.enrolments.services import enrolment_create
from tests.factories.learning import (
    EditionFactory,
    MeetingFactory,
    enrolment_input,
    programme_tree,
)

pytestmark = pytest.mark.django_db

OPENS = datetime(2025, 3, 1, 9, tzinfo=UTC)
CLOSES = datetime(2025, 4, 1, 9, tzinfo=UTC)
STARTS = datetime(2025, 5, 6, 14, tzinfo=UTC)


def _create(programme, **overrides):
    values = {
        "programme": programme,
        "title": "September 2025",
        "starts_on": date(2025, 5, 1),
        "ends_on": date(2025, 9, 30),
        "enrolment_opens_at": OPENS,
        "enrolment_closes_at": CLOSES,
        "places": 15,
    }
    values.update(overrides)
    return edition_create(**values)


def _codes(excinfo: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def test_create_takes_defaults_from_the_programme(tree):
    edition = _create(tree.programme)

    assert edition.slug == "september-2025"
    assert edition.time_zone == tree.programme.time_zone
    assert (edition.min_representatives, edition.max_representatives) == (2, 3)
    assert edition.requires_approval is False


def test_create_points_at_the_source_page_when_given_a_translation(tree, locales):
    spanish = tree.programme.copy_for_translation(locales["es"], copy_parents=True)

    edition = _create(spanish)

    assert edition.programme == tree.programme


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"ends_on": date(2025, 4, 30)}, "edition_dates"),
        ({"enrolment_closes_at": OPENS}, "enrolment_window"),
        ({"min_representatives": 4}, "representative_limits"),
        ({"places": 0}, "min_value"),
        ({"enrolment_opens_at": datetime(2025, 3, 1, 9)}, "naive_datetime"),
    ],
)
def test_create_refuses_inconsistent_editions(tree, overrides, code):
    with pytest.raises(ValidationError) as excinfo:
        _create(tree.programme, **overrides)

    assert code in _codes(excinfo)


def test_create_refuses_a_slug_used_in_the_programme(tree):
    _create(tree.programme)

    with pytest.raises(ValidationError) as excinfo:
        _create(tree.programme)

    assert "duplicate_slug" in _codes(excinfo)


def test_adding_places_offers_them_to_the_waitlist(edition):
    edition = edition_update(edition=edition, data={"places": 1})
    for key in ("a", "b", "c"):
        enrolment_create(**enrolment_input(edition, key))

    edition_update(edition=edition, data={"places": 2})

    statuses = dict(Enrolment.objects.values_list("organisation__name", "status"))
    assert statuses == {
        "Organisation a": EnrolmentStatus.CONFIRMED,
        "Organisation b": EnrolmentStatus.OFFERED,
        "Organisation c": EnrolmentStatus.WAITLISTED,
    }
    assert Enrolment.objects.get(status="waitlisted").waitlist_position == 1


def test_places_cannot_drop_below_the_places_taken(edition):
    for key in ("a", "b"):
        enrolment_create(**enrolment_input(edition, key))

    with pytest.raises(ValidationError) as excinfo:
        edition_update(edition=edition, data={"places": 1})

    assert _codes(excinfo) == {"places_below_taken"}


def test_update_refuses_fields_it_does_not_own(edition):
    with pytest.raises(ValidationError) as excinfo:
        edition_update(edition=edition, data={"programme": None})

    assert _codes(excinfo) == {"unknown_field"}


def test_meeting_on_a_session_topic(tree, edition):
    topic = tree.topics[1][0]

    meeting = meeting_create(
        edition=edition,
        session_topic=topic,
        starts_at=STARTS,
        duration_minutes=120,
        join_url="https://zoom.example.org/j/1",
        interpretation_languages=["es", "fr"],
    )

    assert meeting.display_title == topic.title
    assert meeting.ends_at == STARTS + timedelta(hours=2)
    assert meeting.uid is not None


def test_meeting_topic_translation_points_at_the_source_topic(tree, edition, locales):
    topic = tree.topics[2][1]
    spanish = topic.copy_for_translation(locales["es"], copy_parents=True)

    meeting = meeting_create(
        edition=edition, session_topic=spanish, starts_at=STARTS, duration_minutes=90
    )

    assert meeting.session_topic == topic


@pytest.mark.parametrize(
    ("minutes", "code"), [(121, "meeting_too_long"), (0, "meeting_too_short")]
)
def test_meetings_last_at_most_two_hours(edition, minutes, code):
    with pytest.raises(ValidationError) as excinfo:
        meeting_create(edition=edition, starts_at=STARTS, duration_minutes=minutes)

    assert _codes(excinfo) == {code}


def test_meeting_needs_an_aware_start(edition):
    with pytest.raises(ValidationError) as excinfo:
        meeting_create(
            edition=edition,
            starts_at=datetime(2025, 5, 6, 14),
            duration_minutes=60,
        )

    assert _codes(excinfo) == {"naive_datetime"}


def test_meeting_topic_must_belong_to_the_programme(edition):
    other = programme_tree(modules=1)

    with pytest.raises(ValidationError) as excinfo:
        meeting_create(
            edition=edition,
            session_topic=other.topics[1][0],
            starts_at=STARTS,
            duration_minutes=60,
        )

    assert _codes(excinfo) == {"unknown_session_topic"}


def test_meeting_interpretation_languages_are_known_codes(edition):
    with pytest.raises(ValidationError) as excinfo:
        meeting_create(
            edition=edition,
            starts_at=STARTS,
            duration_minutes=60,
            interpretation_languages=["xx"],
        )

    assert _codes(excinfo) == {"unknown_language"}


def test_a_new_time_revises_the_calendar_entry_a_recording_does_not(edition):
    meeting = MeetingFactory(edition=edition)

    meeting = meeting_update(
        meeting=meeting, data={"recording_url": "https://video.example.org/1"}
    )
    assert meeting.sequence == 0

    meeting = meeting_update(
        meeting=meeting, data={"starts_at": meeting.starts_at + timedelta(hours=1)}
    )
    assert meeting.sequence == 1
    meeting.refresh_from_db()
    assert meeting.recording_url == "https://video.example.org/1"


def test_schedule_groups_meetings_by_module(tree, edition, django_assert_num_queries):
    intro = MeetingFactory(edition=edition, title="Welcome", starts_at=STARTS)
    later = MeetingFactory(
        edition=edition,
        session_topic=tree.topics[2][0],
        starts_at=STARTS + timedelta(weeks=6),
    )
    first = MeetingFactory(
        edition=edition,
        session_topic=tree.topics[1][0],
        starts_at=STARTS + timedelta(weeks=2),
    )
    second = MeetingFactory(
        edition=edition,
        session_topic=tree.topics[1][1],
        starts_at=STARTS + timedelta(weeks=4),
    )
    MeetingFactory(edition=EditionFactory(programme=tree.programme))

    with django_assert_num_queries(2):
        schedule = edition_schedule(edition=edition)

    assert [(g.module, g.meetings) for g in schedule] == [
        (None, [intro]),
        (tree.modules[0], [first, second]),
        (tree.modules[1], [later]),
    ]
