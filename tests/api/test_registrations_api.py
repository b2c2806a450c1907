"""Seminar registrations through the API: registering (anonymous, throttled,
the same answer for a repeat), codes of refusals, and the coordinators' list
with counts per target group."""

import pytest

from api.learning.registrations import RegistrationThrottle
from learning.registrations.enums import RegistrationStatus
from learning.registrations.models import Registration
from tests.api.roles import COORDINATOR, caller
from tests.factories.learning import EditionFactory
from tests.factories.registrations import (
    RegistrationFactory,
    SeminarRunFactory,
    target_group_ids,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(home_pages):
    return SeminarRunFactory(programme__parent__parent=home_pages["en"], places=1)


def url(edition):
    return f"/api/v1/editions/{edition.pk}/registrations/"


def body(run, email="ana@example.org", **overrides):
    data = {
        "name": "Ana Reyes",
        "email": email,
        "institution": "City of Cebu",
        "country": "Philippines",
        "language": "es",
        "target_group": target_group_ids(run)[2],
        "consent": True,
    }
    data.update(overrides)
    return data


def test_a_person_registers_without_an_account_and_then_waits(
    api, run, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = api.post(url(run), body(run), format="json")
        second = api.post(url(run), body(run, email="bo@example.org"), format="json")

    assert first.status_code == 201
    assert first.json() == {
        "edition": run.pk,
        "name": "Ana Reyes",
        "email": "ana@example.org",
        "language": "es",
        "waitlisted": False,
    }
    assert second.json()["waitlisted"] is True
    assert dict(Registration.objects.values_list("email", "status")) == {
        "ana@example.org": RegistrationStatus.CONFIRMED,
        "bo@example.org": RegistrationStatus.WAITLISTED,
    }
    assert len(mailoutbox) == 2


def test_a_repeat_answers_like_the_first_time_and_changes_nothing(api, run):
    api.post(url(run), body(run), format="json")

    again = api.post(url(run), body(run, name="Someone Else"), format="json")

    assert again.status_code == 201
    assert again.json()["name"] == "Someone Else"
    assert Registration.objects.get().name == "Ana Reyes"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"target_group": "nope"}, "unknown_target_group"),
        ({"consent": False}, "consent_required"),
        ({"name": " "}, "name_required"),
    ],
)
def test_a_refusal_keeps_its_code(api, run, overrides, code):
    response = api.post(url(run), body(run, **overrides), format="json")

    assert response.status_code == 400
    assert code in response.content.decode()
    assert not Registration.objects.exists()


def test_an_edition_of_another_format_is_not_found(api, home_pages):
    edition = EditionFactory(programme__parent__parent=home_pages["en"])

    response = api.post(url(edition), {"name": "Ana"}, format="json")

    assert response.status_code == 404


def test_anonymous_registrations_are_throttled_per_address(api, run, monkeypatch):
    monkeypatch.setattr(RegistrationThrottle, "rate", "2/hour", raising=False)

    codes = [
        api.post(url(run), body(run, email=f"p{n}@example.org"), format="json")
        for n in range(3)
    ]

    assert [response.status_code for response in codes] == [201, 201, 429]
    assert codes[2].json()["code"] == "throttled"


def test_coordinators_see_the_registrations_with_counts_per_target_group(world):
    run = SeminarRunFactory(
        programme__parent=world.tree.programme.get_parent(), places=2
    )
    groups = target_group_ids(run)
    RegistrationFactory(edition=run, target_group=groups[0])
    RegistrationFactory(edition=run, target_group=groups[0])
    RegistrationFactory(
        edition=run, target_group=groups[1], status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(
        edition=run, target_group=groups[1], status=RegistrationStatus.CANCELLED
    )

    response = caller(world, COORDINATOR).get(url(run))

    data = response.json()
    assert response.status_code == 200
    assert data["edition"]["places_left"] == 0
    assert [(g["confirmed"], g["waitlisted"]) for g in data["groups"]] == [
        (2, 0),
        (0, 1),
        (0, 0),
    ]
    assert data["count"] == 4
    assert (
        data["results"][0]["target_group_name"] == run.programme.target_groups[0].value
    )
