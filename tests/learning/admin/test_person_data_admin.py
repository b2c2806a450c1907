"""Learning → Personal data: coordinators export and erase, nobody else enters."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from learning.enrolments.models import Enrolment, Participant
from tests.factories import UserFactory
from tests.factories.learning import ParticipantFactory

pytestmark = pytest.mark.django_db
INDEX = "learning_person_data:index"
ERASE = "learning_person_data:erase"
ANA = "ana@example.org"


@pytest.fixture
def ana(edition):
    user = UserFactory(email=ANA, first_name="Ana", last_name="Ruiz")
    return ParticipantFactory(user=user, name="Ana Ruiz", enrolment__edition=edition)


def test_a_coordinator_sees_a_persons_summary(coordinator_client, ana):
    response = coordinator_client.get(reverse(INDEX), {"email": ANA})

    assert response.status_code == 200
    assert "Ana Ruiz" in response.content.decode()
    assert ana.enrolment.organisation.name in response.content.decode()


def test_a_coordinator_downloads_the_json(coordinator_client, ana):
    response = coordinator_client.get(reverse(INDEX), {"email": ANA, "format": "json"})

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert [p["organisation"] for p in data["participations"]] == [
        ana.enrolment.organisation.name
    ]


def test_an_unknown_email_shows_an_error(coordinator_client, ana):
    response = coordinator_client.get(reverse(INDEX), {"email": "x@example.org"})

    assert "No personal data is kept" in response.content.decode()


def test_the_learning_menu_offers_personal_data(coordinator_client):
    home = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse(INDEX) in home


def test_a_coordinator_confirms_then_erases(coordinator_client, ana):
    confirm = coordinator_client.get(reverse(ERASE), {"email": ANA})
    assert confirm.status_code == 200
    assert Participant.objects.filter(email=ANA).exists()

    response = coordinator_client.post(reverse(ERASE), {"email": ANA})

    assert response.status_code == 302
    assert not Participant.objects.filter(email=ANA).exists()
    assert Enrolment.objects.filter(pk=ana.enrolment.pk).exists()


@pytest.mark.parametrize("name", [INDEX, ERASE])
def test_an_editor_is_refused(client, editor, ana, name):
    client.force_login(editor)

    response = client.post(reverse(name), {"email": ANA})

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Participant.objects.filter(email=ANA).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, ana):
    response = client.post(reverse(ERASE), {"email": ANA})

    assert response["Location"].startswith("/admin/login/")
    assert Participant.objects.filter(email=ANA).exists()


def test_erasure_needs_csrf(coordinator, ana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)

    response = client.post(reverse(ERASE), {"email": ANA})

    assert response.status_code == 403
    assert Participant.objects.filter(email=ANA).exists()


def test_a_coordinator_downloads_a_readable_copy(coordinator_client, ana):
    response = coordinator_client.get(reverse(INDEX), {"email": ANA, "format": "html"})

    page = response.content.decode()
    assert response["Content-Disposition"].startswith("attachment")
    assert "<table" in page and "Ana Ruiz" in page
    assert ana.enrolment.organisation.name in page
    assert 'data-kind="forum_posts"' in page
