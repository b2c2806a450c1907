"""What "My programme" holds for a participant: their editions only, links in time."""

from datetime import timedelta

import pytest

from learning.editions.services import meeting_update
from learning.enrolments.enums import EnrolmentStatus
from learning.participants.selectors import participant_programme_list

from .conftest import NOW, seat


def shown(items):
    return {m.meeting.pk for item in items for m in [*item.upcoming, *item.past]}


def test_a_participant_sees_only_their_own_edition_and_meetings(seat_a, seat_b):
    items = participant_programme_list(user=seat_a.participant.user, now=NOW)

    assert [item.edition for item in items] == [seat_a.edition]
    assert shown(items) == {m.pk for m in seat_a.meetings}
    assert not shown(items) & {m.pk for m in seat_b.meetings}


def test_the_join_link_appears_only_shortly_before_the_meeting(seat_a):
    first = seat_a.meetings[0]
    user = seat_a.participant.user

    def join_url(now):
        (item,) = participant_programme_list(user=user, now=now)
        return next(m.join_url for m in item.upcoming if m.meeting == first)

    assert join_url(first.starts_at - timedelta(minutes=31)) == ""
    assert join_url(first.starts_at - timedelta(minutes=30)) == first.join_url
    assert join_url(first.starts_at + timedelta(minutes=90)) == first.join_url


def test_the_minutes_before_come_from_the_setting(seat_a, settings):
    settings.LEARNING_JOIN_LINK_VISIBLE_MINUTES_BEFORE = 5
    first = seat_a.meetings[0]
    (item,) = participant_programme_list(
        user=seat_a.participant.user, now=first.starts_at - timedelta(minutes=6)
    )

    assert item.upcoming[0].join_url == ""


def test_a_finished_meeting_is_past_with_its_recording_and_no_join_link(seat_a):
    first = seat_a.meetings[0]
    meeting_update(
        meeting=first, data={"recording_url": "https://video.example.org/r/1"}
    )
    (item,) = participant_programme_list(
        user=seat_a.participant.user, now=first.ends_at + timedelta(minutes=1)
    )

    (past,) = item.past
    assert past.meeting == first
    assert past.recording_url == "https://video.example.org/r/1"
    assert past.join_url == ""
    assert first not in [m.meeting for m in item.upcoming]


def test_meetings_of_modules_not_chosen_are_left_out(site):
    only_first = seat(
        site, email="c@example.org", start=NOW, title="Edition C", modules=1
    )
    (item,) = participant_programme_list(user=only_first.participant.user, now=NOW)

    assert [m.meeting for m in item.upcoming] == only_first.meetings[:1]
    assert item.modules == ["Module 1 in English"]


def test_without_a_confirmed_place_there_are_no_meetings(seat_a):
    enrolment = seat_a.participant.enrolment
    enrolment.status = EnrolmentStatus.WAITLISTED
    enrolment.waitlist_position = 1
    enrolment.save()

    (item,) = participant_programme_list(user=seat_a.participant.user, now=NOW)

    assert not item.has_place
    assert item.upcoming == item.past == []


def test_titles_are_in_the_language_asked_for(seat_a):
    (item,) = participant_programme_list(
        user=seat_a.participant.user, now=NOW, language="es"
    )

    assert item.upcoming[0].title == "Tema 1"
    assert item.upcoming[0].module_title == "Módulo 1 en español"


@pytest.mark.parametrize(
    ("own_zone", "expected"),
    [("Asia/Tokyo", "Asia/Tokyo"), ("", "UTC"), ("Not/AZone", "UTC")],
)
def test_times_are_in_the_users_zone_else_the_editions(seat_a, own_zone, expected):
    user = seat_a.participant.user
    user.time_zone = own_zone
    user.save()

    (item,) = participant_programme_list(user=user, now=NOW)

    assert item.time_zone == expected  # the factory's edition is in UTC


def test_the_other_representatives_are_listed_but_not_the_user(seat_a):
    from tests.factories.learning import ParticipantFactory

    colleague = ParticipantFactory(enrolment=seat_a.participant.enrolment)

    (item,) = participant_programme_list(user=seat_a.participant.user, now=NOW)

    assert item.colleagues == [colleague]


def test_the_query_count_does_not_grow_with_editions(site, django_assert_num_queries):
    user = seat(site, email="d@example.org", start=NOW, title="One").participant.user
    with django_assert_num_queries(5) as one:
        participant_programme_list(user=user, now=NOW)
    second = seat(site, email="e@example.org", start=NOW, title="Two")
    second.participant.user = user  # the same person in a second edition
    second.participant.save()

    with django_assert_num_queries(len(one.captured_queries)):
        items = participant_programme_list(user=user, now=NOW)

    assert len(items) == 2
