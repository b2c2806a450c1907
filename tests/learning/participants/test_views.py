"""The "My programme" page: signed-in only, own edition only, in the user's zone."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.users import UserFactory

from .conftest import seat


def programme_url(language="en"):
    with translation.override(language):
        return reverse("participants:home")


@pytest.fixture
def live_seats(site):
    """A and B in different editions, each with a meeting starting in 10 minutes."""
    soon = timezone.now() + timedelta(minutes=10)
    return (
        seat(site, email="a@example.org", start=soon, title="Edition A"),
        seat(site, email="b@example.org", start=soon, title="Edition B"),
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, site):
    response = client.get(programme_url())

    assert response.status_code == 302
    location = urlsplit(response.url)
    assert location.path == reverse("accounts:login")
    assert "next=" in location.query


def test_a_participant_sees_their_join_link_and_never_another_editions(
    client, live_seats
):
    seat_a, seat_b = live_seats
    client.force_login(seat_a.participant.user)

    html = client.get(programme_url()).content.decode()

    assert "Edition A" in html
    assert seat_a.meetings[0].join_url in html
    assert "Edition B" not in html
    for meeting in seat_b.meetings:
        assert meeting.join_url not in html
        assert f'data-meeting="{meeting.pk}"' not in html


def test_a_join_link_further_away_than_the_window_is_not_in_the_page(
    client, live_seats
):
    seat_a, _seat_b = live_seats
    client.force_login(seat_a.participant.user)

    html = client.get(programme_url()).content.decode()

    later = seat_a.meetings[1]  # a week after the first
    assert f'data-meeting="{later.pk}"' in html
    assert later.join_url not in html


def test_meeting_times_are_shown_in_the_users_time_zone(client, live_seats):
    seat_a, _seat_b = live_seats
    user = seat_a.participant.user
    user.time_zone = "Asia/Tokyo"
    user.save()
    client.force_login(user)
    tokyo = seat_a.meetings[0].starts_at.astimezone(timezone.get_fixed_timezone(540))

    html = client.get(programme_url()).content.decode()

    assert "Japan Time" in html  # Asia/Tokyo, named for readers
    assert tokyo.strftime("%H:%M") in html


def test_someone_without_an_edition_sees_an_explanation(client, site):
    from tests.factories.users import UserFactory

    client.force_login(UserFactory())

    response = client.get(programme_url())

    assert response.status_code == 200
    assert b"do not represent an organisation" in response.content


def test_the_page_is_in_spanish_with_spanish_titles(client, live_seats):
    seat_a, _seat_b = live_seats
    client.force_login(seat_a.participant.user)

    html = client.get(programme_url("es")).content.decode()

    assert 'lang="es"' in html
    assert "Tema 1" in html


def test_a_facilitator_finds_the_editions_they_facilitate_and_no_other(
    client, live_seats
):
    seat_a, seat_b = live_seats
    facilitator = UserFactory(email="rocio@example.org", is_staff=True)
    seat_a.edition.facilitators.add(facilitator)
    client.force_login(facilitator)

    page = client.get(programme_url()).content.decode()

    assert "Editions you facilitate" in page
    assert f'data-facilitated-edition="{seat_a.edition.pk}"' in page
    assert reverse("forum:index", kwargs={"edition_id": seat_a.edition.pk}) in page
    assert f'data-facilitated-edition="{seat_b.edition.pk}"' not in page
    assert "You do not represent an organisation" not in page
