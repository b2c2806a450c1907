"""A coordinator places each seminar run in the admin: a city and country, or online."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.catalogue.enums import ProgrammeFormat
from learning.editions.models import Edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(tree):
    tree.programme.programme_format = ProgrammeFormat.SEMINAR
    tree.programme.save_revision().publish()
    return tree.programme


def _run_data(programme, **overrides):
    now = timezone.now()
    data = {
        "programme": programme.pk,
        "title": "Cebu City 2031",
        "slug": "",
        "starts_on": (now + timedelta(days=60)).strftime("%Y-%m-%d"),
        "ends_on": (now + timedelta(days=62)).strftime("%Y-%m-%d"),
        "enrolment_opens_at": (now + timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
        "enrolment_closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
        "places": "30",
        "min_representatives": "1",
        "max_representatives": "3",
        "time_zone": "Asia/Manila",
        "venue": "Bayanihan Training Centre",
        "city": "Cebu City",
        "country": "Philippines",
    }
    data.update(overrides)
    return data


def test_a_coordinator_creates_a_seminar_run_in_a_place(coordinator_client, seminar):
    response = coordinator_client.post(
        reverse("learning_editions:add"), _run_data(seminar)
    )

    assert response.status_code == 302, response.context["form"].errors
    run = Edition.objects.get(title="Cebu City 2031")
    assert run.location_label == "Bayanihan Training Centre, Cebu City, Philippines"


def test_a_seminar_run_without_a_place_is_refused_and_not_saved(
    coordinator_client, seminar
):
    data = _run_data(seminar, venue="", city="", country="")

    response = coordinator_client.post(reverse("learning_editions:add"), data)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Say where this seminar meets: a city and country, or online."
    ]
    assert not Edition.objects.filter(title="Cebu City 2031").exists()


def test_the_edition_form_asks_for_the_location(coordinator_client, seminar):
    html = coordinator_client.get(reverse("learning_editions:add")).content.decode()

    for name in ("is_online", "venue", "city", "country"):
        assert f'name="{name}"' in html
