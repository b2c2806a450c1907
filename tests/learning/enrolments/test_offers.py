"""A waitlisted organisation answers the place it is offered, from the email's
signed links: GET asks, POST answers, once; the API has the same two actions."""

import re
from urllib.parse import urlsplit

import pytest

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment
from learning.enrolments.offers import offer_token_make
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_confirm,
    enrolment_create,
    enrolment_withdraw,
)
from tests.factories.learning import EditionFactory
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)

LINK = re.compile(r"http://\S+/editions/offers/\S+/(?:accept|decline)/")


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


def _enrol(edition, key, language="en"):
    people = [
        RepresentativeInput(
            name=f"Person {i}",
            email=f"person{i}@{key}.example.org",
            preferred_language=language,
        )
        for i in (1, 2)
    ]
    return enrolment_create(
        edition=edition,
        organisation_name=f"Organisation {key}",
        organisation_country="Peru",
        representatives=people,
        module_ids=[],
        consent=True,
    ).enrolment


@pytest.fixture
def offered(site, django_capture_on_commit_callbacks, mailoutbox):
    """One place: `first` withdrew, so `second` (Spanish speakers) is offered it;
    `third` waits. Returns the offered enrolment and the email it got."""
    edition = EditionFactory(programme=site.programme, places=1)
    first = _enrol(edition, "first")
    _enrol(edition, "second", language="es")
    _enrol(edition, "third")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_withdraw(enrolment=first)
    second = Enrolment.objects.get(organisation__name="Organisation second")
    (mail,) = [m for m in mailoutbox if m.to == ["person1@second.example.org"]]
    return second, mail


def _links(mail):
    """The paths of the email's accept and decline links."""
    accept, decline = LINK.findall(mail.body)
    return urlsplit(accept).path, urlsplit(decline).path


def test_the_offer_email_carries_accept_and_decline_links_in_its_language(offered):
    enrolment, mail = offered

    accept, decline = _links(mail)

    assert enrolment.status == EnrolmentStatus.OFFERED
    assert accept.startswith("/es/editions/offers/") and accept.endswith("/accept/")
    assert decline.endswith("/decline/")
    assert "coordinator will contact you" not in mail.body
    html = mail.alternatives[0][0]
    assert accept in html and decline in html


def test_opening_the_link_asks_and_only_the_button_accepts(client, offered):
    enrolment, mail = offered
    accept, _decline = _links(mail)

    asked = client.get(accept)
    enrolment.refresh_from_db()
    still_offered = enrolment.status
    answered = client.post(accept)
    enrolment.refresh_from_db()

    assert asked.status_code == 200
    assert 'method="post"' in asked.content.decode()
    assert still_offered == EnrolmentStatus.OFFERED
    assert answered.status_code == 200
    assert 'data-offer-state="done"' in answered.content.decode()
    assert enrolment.status == EnrolmentStatus.CONFIRMED


def test_a_link_works_once(client, offered):
    enrolment, mail = offered
    accept, decline = _links(mail)
    client.post(accept)

    again = client.get(accept)
    other = client.post(decline)
    enrolment.refresh_from_db()

    assert 'data-offer-state="answered"' in again.content.decode()
    assert 'data-offer-state="answered"' in other.content.decode()
    assert 'method="post"' not in again.content.decode()
    assert enrolment.status == EnrolmentStatus.CONFIRMED


def test_declining_gives_the_place_to_the_next_in_line(client, offered):
    enrolment, mail = offered
    _accept, decline = _links(mail)

    client.post(decline)

    enrolment.refresh_from_db()
    third = Enrolment.objects.get(organisation__name="Organisation third")
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert third.status == EnrolmentStatus.OFFERED


def test_an_offer_settled_by_a_coordinator_cannot_be_accepted_by_link(client, offered):
    enrolment, mail = offered
    _accept, decline = _links(mail)
    enrolment_confirm(enrolment=enrolment)

    response = client.post(decline)

    enrolment.refresh_from_db()
    assert 'data-offer-state="answered"' in response.content.decode()
    assert enrolment.status == EnrolmentStatus.CONFIRMED


def test_a_forged_or_foreign_token_is_not_found(client, offered):
    enrolment, _mail = offered
    third = Enrolment.objects.get(organisation__name="Organisation third")
    forged = offer_token_make(enrolment=enrolment)[:-2] + "xx"

    tampered = client.post(f"/en/editions/offers/{forged}/accept/")
    # The third organisation was never offered a place: no link of its own works.
    foreign = client.post(
        f"/en/editions/offers/{offer_token_make(enrolment=third)}/accept/"
    )

    third.refresh_from_db()
    assert tampered.status_code == 404
    assert 'data-offer-state="answered"' in foreign.content.decode()
    assert third.status == EnrolmentStatus.WAITLISTED
