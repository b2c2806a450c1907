"""Role and scope matrix of a person's feedback surveys (/me/surveys/).

People only: anonymous callers and revoked keys get 401, apps' keys 403
`person_required`. Each person sees only their own invitations: another
person's survey is 404, for coordinators too (answers are personal).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.mel.models import SurveyInvitation
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
from tests.factories.learning import MeetingFactory
from tests.factories.mel import SurveyFactory, SurveyInvitationFactory

LIST = "/api/v1/me/surveys/"
ONE = "/api/v1/me/surveys/{id}/"
ANSWERS = "/api/v1/me/surveys/{id}/answers/"

OWN_ONLY = {PARTICIPANT_A: 200, PARTICIPANT_B: 404, FACILITATOR: 404, COORDINATOR: 404}
PEOPLE_EXPECTED = {
    ("GET", LIST): dict.fromkeys(OWN_ONLY, 200),
    ("GET", ONE): OWN_ONLY,
    ("PUT", ANSWERS): OWN_ONLY,
}
COVERED = set(PEOPLE_EXPECTED)


def _expected(operation, actor):
    if actor in (ANONYMOUS, REVOKED_KEY):
        return 401, None
    if actor in (CONTENT_CLIENT, LEARNING_CLIENT):
        return 403, "person_required"
    return PEOPLE_EXPECTED[operation][actor], None


def _invitation(world) -> SurveyInvitation:
    held = MeetingFactory(
        edition=world.edition_a, starts_at=timezone.now() - timedelta(hours=3)
    )
    return SurveyInvitationFactory(
        survey=SurveyFactory(programme=world.tree.programme),
        user=world.participant_a.user,
        email=world.participant_a.email,
        edition=world.edition_a,
        meeting=held,
        occasion_key=f"meeting:{held.pk}",
    )


@pytest.mark.parametrize("actor", ACTORS)
def test_every_survey_operation_answers_as_the_matrix_says(world, actor):
    api = caller(world, actor)
    invitation = _invitation(world)
    answered, expected = {}, {}
    for operation in PEOPLE_EXPECTED:
        method, path = operation
        url = path.replace("{id}", str(invitation.pk))
        if method == "GET":
            response = api.get(url)
        else:
            body = {"answers": [{"question_id": "q-useful", "score": 4}]}
            response = api.put(url, body, format="json")
        code = response.json()["code"] if response.status_code >= 400 else None
        status, expected_code = _expected(operation, actor)
        answered[operation] = (response.status_code, expected_code and code)
        expected[operation] = (status, expected_code)

    assert answered == expected
