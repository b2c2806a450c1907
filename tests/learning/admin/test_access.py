"""Who may open the learning admin: coordinators, facilitators (some), nobody else."""

import pytest
from django.urls import reverse

from learning.enrolments.enums import EnrolmentStatus
from tests.factories.learning import (
    EnrolmentFactory,
    InfoSessionFactory,
    MeetingFactory,
    ParticipantFactory,
)

from .conftest import register

pytestmark = pytest.mark.django_db
HOME = "/admin/"


@pytest.fixture
def urls(edition):
    """Every learning admin route, with an object where it needs one."""
    meeting = MeetingFactory(edition=edition)
    enrolment = EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.WAITLISTED, waitlist_position=1
    )
    participant = ParticipantFactory(enrolment=enrolment)
    session = InfoSessionFactory(programme=edition.programme)
    registration = register(session)
    objects = {
        "learning_editions": edition,
        "learning_meetings": meeting,
        "learning_enrolments": enrolment,
        "learning_infosessions": session,
        "learning_infosession_registrations": registration,
    }
    names = {
        "learning_editions": ["index", "add", "edit", "inspect", "history"],
        "learning_meetings": ["index", "add", "edit", "inspect"],
        "learning_enrolments": [
            *("index", "inspect", "confirm", "reject", "withdraw", "promote")
        ],
        "learning_infosessions": ["index", "add", "inspect"],
        "learning_infosession_registrations": ["index", "inspect"],
    }
    result = {
        f"{viewset}:{name}": reverse(
            f"{viewset}:{name}",
            args=[] if name in {"index", "add"} else [objects[viewset].pk],
        )
        for viewset, view_names in names.items()
        for name in view_names
    }
    result["learning_enrolments:replace_representative"] = reverse(
        "learning_enrolments:replace_representative", args=[participant.pk]
    )
    result["enrolment export"] = reverse("learning_enrolments:index") + "?export=csv"
    result["registration export"] = (
        reverse("learning_infosession_registrations:index") + "?export=xlsx"
    )
    return result


def test_a_coordinator_opens_every_route(client, coordinator, urls):
    client.force_login(coordinator)

    statuses = {name: client.get(url).status_code for name, url in urls.items()}

    assert statuses == dict.fromkeys(urls, 200)


def _outcome(response) -> str:
    # Wagtail answers a refusal with a redirect to the admin's home and a message.
    if response.status_code == 302 and response["Location"] == HOME:
        return "refused"
    return str(response.status_code)


def test_an_editor_is_refused_every_route(client, editor, urls):
    client.force_login(editor)

    outcomes = {name: _outcome(client.get(url)) for name, url in urls.items()}

    assert outcomes == dict.fromkeys(urls, "refused")


def test_an_anonymous_visitor_is_sent_to_sign_in(client, urls):
    responses = {name: client.get(url) for name, url in urls.items()}

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(
        urls, 302
    )
    assert all(r["Location"].startswith("/admin/login/") for r in responses.values())


def test_an_editor_cannot_post_a_decision(client, editor, urls):
    client.force_login(editor)

    response = client.post(urls["learning_enrolments:promote"])

    assert _outcome(response) == "refused"
    assert EnrolmentFactory._meta.model.objects.get().status == "waitlisted"


def test_a_facilitator_views_editions_and_meetings_only(client, facilitator, urls):
    client.force_login(facilitator)
    readable = {
        "learning_editions:index",
        "learning_editions:inspect",
        "learning_meetings:index",
        "learning_meetings:inspect",
    }

    outcomes = {name: _outcome(client.get(url)) for name, url in urls.items()}

    assert outcomes == {name: "200" if name in readable else "refused" for name in urls}


def test_the_learning_menu_follows_permissions(client, coordinator, editor):
    client.force_login(coordinator)
    coordinator_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    editor_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("learning_enrolments:index") in coordinator_home
    assert reverse("learning_editions:index") not in editor_home
