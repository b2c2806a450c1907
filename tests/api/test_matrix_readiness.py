"""Role and scope matrix of an edition's readiness before its meetings.

For people only: anonymous callers and revoked keys get 401, apps' keys 403
`person_required` (whatever their scopes), as on the facilitators' attendance
endpoints. Among people, edition A's facilitator and the coordinators read it;
its participant gets 403 `not_a_facilitator` (as on the site's page), a
participant of another edition 404.
"""

import pytest

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

READINESS = "/api/v1/editions/{id}/readiness/"
EXPECTED = {
    ANONYMOUS: (401, None),
    REVOKED_KEY: (401, None),
    CONTENT_CLIENT: (403, "person_required"),
    LEARNING_CLIENT: (403, "person_required"),
    PARTICIPANT_A: (403, "not_a_facilitator"),
    PARTICIPANT_B: (404, "not_found"),
    FACILITATOR: (200, None),
    COORDINATOR: (200, None),
}
COVERED = {("GET", READINESS)}


@pytest.mark.parametrize("actor", ACTORS)
def test_readiness_answers_as_the_matrix_says(world, actor):
    response = caller(world, actor).get(
        READINESS.replace("{id}", str(world.edition_a.pk))
    )
    status, code = EXPECTED[actor]
    assert response.status_code == status
    if code:
        assert response.json()["code"] == code
    if status == 200:
        assert response.json()["edition"]["id"] == world.edition_a.pk
