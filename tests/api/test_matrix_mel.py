"""Role and scope matrix of the MEL endpoints: coordinators and the edition's
facilitators (session or personal token), apps only with `mel:read`."""

import pytest

from api.models import Scope
from tests.api.roles import (
    ACTORS,
    ANONYMOUS,
    CONTENT_CLIENT,
    COORDINATOR,
    FACILITATOR,
    LEARNING_CLIENT,
    PARTICIPANT_A,
    PARTICIPANT_B,
    REVOKED_KEY,
    caller,
)
from tests.factories.api import ApiClientFactory

COVERED = {
    ("GET", "/api/v1/mel/editions/"),
    ("GET", "/api/v1/mel/editions/{id}/indicators/"),
}

# (list, edition A's indicators)
EXPECTED = {
    ANONYMOUS: (401, 401),
    PARTICIPANT_A: (200, 404),
    PARTICIPANT_B: (200, 404),
    FACILITATOR: (200, 200),
    COORDINATOR: (200, 200),
    CONTENT_CLIENT: (403, 403),
    LEARNING_CLIENT: (403, 403),
    REVOKED_KEY: (401, 401),
}


@pytest.mark.parametrize("actor", ACTORS)
def test_mel_by_caller(world, actor):
    api = caller(world, actor)

    listed = api.get("/api/v1/mel/editions/")
    detail = api.get(f"/api/v1/mel/editions/{world.edition_a.pk}/indicators/")

    assert (listed.status_code, detail.status_code) == EXPECTED[actor]
    if listed.status_code == 200:
        ids = {edition["id"] for edition in listed.json()}
        assert (world.edition_a.pk in ids) == (detail.status_code == 200)
    if detail.status_code == 403:
        assert detail.json()["code"] == "scope_missing"


def test_an_app_with_mel_read_reads_every_edition(world):
    key = ApiClientFactory(scopes=[Scope.MEL_READ]).key
    api = caller(world, ANONYMOUS)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")

    listed = api.get("/api/v1/mel/editions/")
    detail = api.get(f"/api/v1/mel/editions/{world.edition_b.pk}/indicators/")

    assert {world.edition_a.pk, world.edition_b.pk} <= {e["id"] for e in listed.json()}
    assert detail.status_code == 200


def test_a_facilitator_cannot_read_another_edition(world):
    api = caller(world, FACILITATOR)

    response = api.get(f"/api/v1/mel/editions/{world.edition_b.pk}/indicators/")

    assert response.status_code == 404
