"""Coordinators create and change editions and meetings through the admin forms."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from learning.editions.models import Edition, Meeting
from learning.editions.services import edition_facilitators_set
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    programme_tree,
)
from tests.factories.users import UserFactory

from .html import row_of

pytestmark = pytest.mark.django_db


def _moment(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def _day(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).strftime("%Y-%m-%d")


def _edition_data(**overrides):
    data = {
        "title": "September 2031",
        "slug": "",
        "starts_on": _day(60),
        "ends_on": _day(200),
        "enrolment_opens_at": _moment(1),
        "enrolment_closes_at": _moment(30),
        "places": "12",
        "min_representatives": "2",
        "max_representatives": "3",
        "time_zone": "",
    }
    data.update(overrides)
    return data


def _meeting_data(edition, topic, **overrides):
    data = {
        "edition": edition.pk,
        "session_topic": topic.pk,
        "title": "",
        "starts_at": _moment(50),
        "duration_minutes": "90",
        "join_url": "https://zoom.example.org/j/1",
        "interpretation_languages": ["es"],
        "recording_url": "",
    }
    data.update(overrides)
    return data


def test_creating_an_edition_fills_the_slug_and_time_zone(coordinator_client, tree):
    data = _edition_data(programme=tree.programme.pk)

    response = coordinator_client.post(reverse("learning_editions:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    edition = Edition.objects.get(title="September 2031")
    assert edition.programme_id == tree.programme.pk
    assert edition.slug == "september-2031"
    assert edition.time_zone == "Europe/Madrid"  # the programme's zone
    assert edition.places == 12


def test_an_edition_that_ends_before_it_starts_is_refused(coordinator_client, tree):
    data = _edition_data(
        programme=tree.programme.pk, starts_on=_day(60), ends_on=_day(50)
    )

    response = coordinator_client.post(reverse("learning_editions:add"), data)

    assert response.status_code == 200
    assert "The edition cannot end before it starts." in response.content.decode()
    assert not Edition.objects.filter(title="September 2031").exists()


def test_places_cannot_drop_below_the_places_taken(coordinator_client, edition):
    EnrolmentFactory.create_batch(3, edition=edition)
    url = reverse("learning_editions:edit", args=[edition.pk])
    data = _edition_data(
        title=edition.title,
        slug=edition.slug,
        time_zone="UTC",
        places="2",
        starts_on=edition.starts_on.isoformat(),
        ends_on=edition.ends_on.isoformat(),
    )

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    refused = "3 places are taken already: give at least as many."
    assert refused in response.content.decode()
    edition.refresh_from_db()
    assert edition.places == 15


def test_the_edition_list_shows_status_and_places(coordinator_client, edition):
    EnrolmentFactory.create_batch(4, edition=edition)

    response = coordinator_client.get(reverse("learning_editions:index"))

    # title, programme, starts on, time zone, status, places, taken, left
    row = row_of(response, edition.title)
    assert row[3:] == ["UTC", "open for enrolment", "15", "4", "11"]


def test_creating_a_meeting_on_a_session_topic(coordinator_client, tree, edition):
    topic = tree.topics[1][0]

    response = coordinator_client.post(
        reverse("learning_meetings:add"), _meeting_data(edition, topic)
    )

    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get(edition=edition)
    assert meeting.session_topic_id == topic.pk
    assert meeting.duration_minutes == 90
    assert meeting.interpretation_languages == ["es"]


def test_a_meeting_over_two_hours_is_refused(coordinator_client, tree, edition):
    data = _meeting_data(edition, tree.topics[1][0], duration_minutes="150")

    response = coordinator_client.post(reverse("learning_meetings:add"), data)

    assert response.status_code == 200
    assert "duration_minutes" in response.context["form"].errors
    assert not Meeting.objects.exists()


def test_a_topic_of_another_programme_is_refused(coordinator_client, edition):
    other_topic = programme_tree(modules=1, topics_per_module=1).topics[1][0]
    data = _meeting_data(edition, other_topic)

    response = coordinator_client.post(reverse("learning_meetings:add"), data)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This session topic is not part of the edition's programme."
    ]
    assert not Meeting.objects.exists()


def test_moving_a_meeting_tells_calendars(coordinator_client, edition):
    meeting = MeetingFactory(edition=edition, duration_minutes=60)
    data = _meeting_data(edition, edition.programme, starts_at=_moment(70))
    del data["edition"]
    data["session_topic"] = ""

    response = coordinator_client.post(
        reverse("learning_meetings:edit", args=[meeting.pk]), data
    )

    assert response.status_code == 302, response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert meeting.duration_minutes == 90


def test_add_meeting_form_starts_from_the_edition_in_the_link(
    coordinator_client, edition
):
    other = EditionFactory(programme=edition.programme)

    response = coordinator_client.get(
        reverse("learning_meetings:add") + f"?edition={other.pk}"
    )

    assert response.context["form"]["edition"].value() == str(other.pk)


def test_a_coordinator_names_the_facilitators_of_an_edition(
    coordinator_client, edition
):
    facilitator = UserFactory(is_staff=True, first_name="Rocío")
    participant_only = UserFactory(is_staff=False)
    url = reverse("learning_editions:edit", args=[edition.pk])
    form = coordinator_client.get(url).content.decode()
    data = _edition_data(
        title=edition.title,
        slug=edition.slug,
        time_zone="UTC",
        starts_on=edition.starts_on.isoformat(),
        ends_on=edition.ends_on.isoformat(),
        enrolment_opens_at=edition.enrolment_opens_at.strftime("%Y-%m-%d %H:%M"),
        enrolment_closes_at=edition.enrolment_closes_at.strftime("%Y-%m-%d %H:%M"),
        places=str(edition.places),
        facilitators=[facilitator.pk],
    )

    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    assert list(edition.facilitators.all()) == [facilitator]
    # Only staff accounts are offered: participants cannot be made facilitators.
    assert f'name="facilitators" value="{facilitator.pk}"' in form
    assert f'name="facilitators" value="{participant_only.pk}"' not in form


def test_an_inactive_account_cannot_facilitate(edition):
    inactive = UserFactory(is_staff=True, is_active=False)

    with pytest.raises(ValidationError) as raised:
        edition_facilitators_set(edition=edition, users=[inactive])

    assert raised.value.error_dict["facilitators"][0].code == "facilitator_inactive"
    assert not edition.facilitators.exists()
