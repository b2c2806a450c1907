"""Role and scope matrix of the seminar registration endpoint: registering
needs no account (a key needs `learning:write`); a run's registrations are for
coordinators only."""

import pytest

from learning.registrations.models import Registration
from tests.api.roles import (
    ACTORS,
    ANONYMOUS,
    APPS,
    CONTENT_CLIENT,
    COORDINATOR,
    REVOKED_KEY,
    caller,
)
from tests.factories.registrations import (
    RegistrationFactory,
    SeminarRunFactory,
    target_group_ids,
)

REGISTRATIONS = "/api/v1/editions/{id}/registrations/"
COVERED = {("POST", REGISTRATIONS), ("GET", REGISTRATIONS)}


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
def test_registration_endpoints_by_caller(world, actor):
    run = SeminarRunFactory(programme__parent=world.tree.programme.get_parent())
    existing = RegistrationFactory(edition=run)
    api = caller(world, actor)
    email = f"{actor.replace('_', '-')}@example.org"
    url = REGISTRATIONS.replace("{id}", str(run.pk))

    registered = api.post(
        url,
        {
            "name": "Ana",
            "email": email,
            "target_group": target_group_ids(run)[0],
            "consent": True,
        },
        format="json",
    )
    listing = api.get(url)

    assert registered.status_code == _open_to_anyone(actor, 201)
    assert Registration.objects.filter(email=email).exists() == (
        registered.status_code == 201
    )
    assert listing.status_code == _coordinators_only(actor)
    if listing.status_code == 403:
        expected = "person_required" if actor in APPS else "coordinator_required"
        assert listing.json()["code"] == expected
    if listing.status_code == 200:
        assert existing.email in {row["email"] for row in listing.json()["results"]}
