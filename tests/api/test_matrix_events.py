"""Role and scope matrix of the learning event endpoints: reading events is open
to anyone (a key needs `learning:read`); answering needs no account either (a
key needs `learning:write`), nor does the email's link (a key needs
`learning:read` to read it, `learning:write` to change the answer); the RSVP
list is for coordinators only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.events.links import rsvp_token_make
from learning.events.models import EventRsvp
from tests.api.roles import (
    ACTORS,
    ANONYMOUS,
    APPS,
    CONTENT_CLIENT,
    COORDINATOR,
    REVOKED_KEY,
    caller,
)
from tests.factories.events import (
    EventFactory,
    EventRecordingFactory,
    EventRsvpFactory,
)

EVENTS = "/api/v1/events/"
EVENT = "/api/v1/events/{id}/"
RSVPS = "/api/v1/events/{id}/rsvps/"
ANSWER = "/api/v1/event-rsvps/{token}/"
COVERED = {
    ("GET", EVENTS),
    ("GET", EVENT),
    ("POST", RSVPS),
    ("GET", RSVPS),
    ("GET", ANSWER),
    ("POST", ANSWER),
}


def _open_to_anyone(actor, success):
    if actor == REVOKED_KEY:
        return 401
    if actor == CONTENT_CLIENT:
        return 403
    return success


def _coordinators_only(actor):
    if actor in (ANONYMOUS, REVOKED_KEY):
        return 401
    return 200 if actor == COORDINATOR else 403


@pytest.mark.parametrize("actor", ACTORS)
def test_event_endpoints_by_caller(world, actor):
    event = EventFactory(page__parent__parent=world.tree.programme.get_parent())
    rsvp = EventRsvpFactory(event=event)
    api = caller(world, actor)
    email = f"{actor.replace('_', '-')}@example.org"

    reads = [
        api.get(EVENTS).status_code,
        api.get(EVENT.replace("{id}", str(event.pk))).status_code,
    ]
    answer = api.post(
        RSVPS.replace("{id}", str(event.pk)),
        {"attending": True, "name": "Ana", "email": email, "consent": True},
        format="json",
    )
    listing = api.get(RSVPS.replace("{id}", str(event.pk)))

    assert reads == [_open_to_anyone(actor, 200)] * 2
    assert answer.status_code == _open_to_anyone(actor, 201)
    assert EventRsvp.objects.filter(email=email).exists() == (answer.status_code == 201)
    assert listing.status_code == _coordinators_only(actor)
    if listing.status_code == 403:
        expected = "person_required" if actor in APPS else "coordinator_required"
        assert listing.json()["code"] == expected
    if listing.status_code == 200:
        assert rsvp.email in {row["email"] for row in listing.json()["results"]}


@pytest.mark.parametrize("actor", ACTORS)
def test_the_email_link_needs_no_account(world, actor):
    rsvp = EventRsvpFactory(
        event__page__parent__parent=world.tree.programme.get_parent()
    )
    token = rsvp_token_make(rsvp=rsvp)
    api = caller(world, actor)

    shown = api.get(ANSWER.replace("{token}", token))
    changed = api.post(
        ANSWER.replace("{token}", token), {"attending": False}, format="json"
    )
    forged = api.get(ANSWER.replace("{token}", token[:-3] + "abc"))

    rsvp.refresh_from_db()
    assert shown.status_code == _open_to_anyone(actor, 200)
    assert changed.status_code == _open_to_anyone(actor, 200)
    assert forged.status_code == _open_to_anyone(actor, 404)
    assert rsvp.attending is (changed.status_code != 200)


@pytest.mark.parametrize("actor", ACTORS)
def test_interpretation_and_recordings_read_the_same_for_every_caller(world, actor):
    starts_at = timezone.now() - timedelta(days=3)
    event = EventFactory(
        page__parent__parent=world.tree.programme.get_parent(),
        starts_at=starts_at,
        rsvp_closes_at=starts_at - timedelta(days=1),
        interpretation_languages=["es"],
    )
    EventRecordingFactory(event=event, language="es", url="https://v.example.org/es")
    api = caller(world, actor)

    response = api.get(EVENT.replace("{id}", str(event.pk)))

    assert response.status_code == _open_to_anyone(actor, 200)
    if response.status_code == 200:
        body = response.json()
        assert body["interpretation_languages"] == ["es"]
        assert body["recordings"] == [
            {"language": "es", "url": "https://v.example.org/es"}
        ]
