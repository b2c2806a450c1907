"""The personal calendar feed: secret address, stable events, updates that show."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from learning.editions.services import meeting_update
from learning.participants.models import CalendarFeed
from learning.participants.services import calendar_feed_regenerate


def feed_url(token):
    return reverse("participant_calendar:feed", kwargs={"token": token})


def events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_lists_the_users_meetings_in_utc(client, seat_a, seat_b):
    token = calendar_feed_regenerate(user=seat_a.participant.user)

    response = client.get(feed_url(token))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events(response)
    assert set(found) == {f"{m.uid}@mutual-learning" for m in seat_a.meetings}
    first = found[f"{seat_a.meetings[0].uid}@mutual-learning"]
    assert first.decoded("dtstart") == seat_a.meetings[0].starts_at
    utc_start = seat_a.meetings[0].starts_at.astimezone(UTC)
    assert f"DTSTART:{utc_start:%Y%m%dT%H%M%S}Z".encode() in response.content
    assert first.decoded("dtend") == seat_a.meetings[0].ends_at
    # Join links are shown on the page only, shortly before the meeting.
    assert seat_a.meetings[0].join_url.encode() not in response.content


def test_a_changed_time_keeps_the_uid_and_raises_the_sequence(client, seat_a):
    token = calendar_feed_regenerate(user=seat_a.participant.user)
    meeting = seat_a.meetings[0]
    uid = f"{meeting.uid}@mutual-learning"
    before = events(client.get(feed_url(token)))[uid]

    new_start = meeting.starts_at + timedelta(hours=2)
    meeting_update(meeting=meeting, data={"starts_at": new_start})
    after = events(client.get(feed_url(token)))[uid]

    assert after.decoded("dtstart") == new_start
    assert int(after["sequence"]) > int(before["sequence"])


@pytest.mark.parametrize("token", ["wrong", "x" * 43])
def test_a_wrong_token_is_not_found(client, seat_a, token):
    calendar_feed_regenerate(user=seat_a.participant.user)

    assert client.get(feed_url(token)).status_code == 404


def test_a_new_address_stops_the_old_one(client, seat_a):
    user = seat_a.participant.user
    old = calendar_feed_regenerate(user=user)
    new = calendar_feed_regenerate(user=user)

    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200
    # Only a hash is kept: the database alone gives no working address.
    assert new not in CalendarFeed.objects.get(user=user).token_hash


def test_the_user_makes_an_address_on_their_page_and_sees_it_once(client, seat_a):
    client.force_login(seat_a.participant.user)

    response = client.post(reverse("participants:calendar-new"), follow=True)

    html = response.content.decode()
    assert "/calendar/" in html and ".ics" in html
    start = html.index("http://testserver/calendar/")
    address = html[start : html.index('"', start)]
    assert client.get(address).status_code == 200
    again = client.get(reverse("participants:home")).content.decode()
    assert address not in again


def test_making_an_address_needs_a_signed_in_post(client, site):
    response = client.post(reverse("participants:calendar-new"))

    assert response.status_code == 302
    assert not CalendarFeed.objects.exists()
