"""Role and scope matrix of the public learning endpoints: reading editions,
calendars and information sessions is open to anyone (a key needs
`learning:read`); enrolling and signing up need a person or a key with
`learning:write`; verifying a certificate is open to every caller."""

import pytest
from django.utils import timezone

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.offers import offer_token_make
from tests.api.roles import (
    ACTORS,
    ANONYMOUS,
    CONTENT_CLIENT,
    REVOKED_KEY,
    caller,
)
from tests.factories.learning import EnrolmentFactory, InfoSessionFactory

READS = [
    "/api/v1/editions/",
    "/api/v1/editions/{id}/",
    "/api/v1/editions/{id}/calendar.ics",
    "/api/v1/meetings/{id}/calendar.ics",
    "/api/v1/info-sessions/",
    "/api/v1/info-sessions/{id}/",
]
WRITES = [
    "/api/v1/editions/{id}/enrolments/",
    "/api/v1/info-sessions/{id}/registrations/",
]
VERIFY = "/api/v1/certificates/verify/{code}/"
OFFER_ANSWERS = [
    "/api/v1/enrolment-offers/{token}/accept/",
    "/api/v1/enrolment-offers/{token}/decline/",
]
COVERED = (
    {("GET", path) for path in READS}
    | {("POST", path) for path in WRITES}
    | {("GET", VERIFY)}
    | {("POST", path) for path in OFFER_ANSWERS}
)


def _expected(actor, success):
    if actor == REVOKED_KEY:
        return 401
    if actor == CONTENT_CLIENT:
        return 403
    if actor == ANONYMOUS and success in (201, 202):
        return 401
    return success


@pytest.mark.parametrize("actor", ACTORS)
def test_public_learning_endpoints_by_caller(world, actor):
    session = InfoSessionFactory(programme=world.tree.programme)
    ids = {
        "editions": world.edition_a.pk,
        "meetings": world.meeting_a.pk,
        "info-sessions": session.pk,
    }
    api = caller(world, actor)
    domain = f"{actor.replace('_', '-')}.example.org"

    def url(template):
        return template.replace("{id}", str(ids[template.split("/")[3]]))

    reads = {path: api.get(url(path)).status_code for path in READS}
    enrol = api.post(
        url(WRITES[0]),
        {
            "organisation_name": f"Organisation of {actor}",
            "organisation_country": "Peru",
            "representatives": [
                {"name": "One", "email": f"one@{domain}"},
                {"name": "Two", "email": f"two@{domain}"},
            ],
            "module_ids": [],
            "consent": True,
        },
        format="json",
    ).status_code
    sign_up = api.post(
        url(WRITES[1]),
        {"name": "Ana", "email": f"ana@{domain}", "consent": True},
        format="json",
    ).status_code
    verify = api.get(VERIFY.replace("{code}", "ABCD-EFGH")).status_code

    assert reads == {path: _expected(actor, 200) for path in READS}
    assert (enrol, sign_up) == (_expected(actor, 202), _expected(actor, 201))
    assert verify == (401 if actor == REVOKED_KEY else 404)


@pytest.mark.parametrize("actor", ACTORS)
def test_answering_an_offer_needs_only_its_signed_link(world, actor):
    """Anyone holding the link answers, signed in or not; a key needs
    `learning:write`. A forged token is not found."""
    offered = EnrolmentFactory(
        edition=world.edition_a,
        status=EnrolmentStatus.OFFERED,
        promoted_at=timezone.now(),
    )
    token = offer_token_make(enrolment=offered)
    api = caller(world, actor)

    accept = api.post(OFFER_ANSWERS[0].replace("{token}", token))
    decline = api.post(OFFER_ANSWERS[1].replace("{token}", token[:-3] + "abc"))

    offered.refresh_from_db()
    if actor == REVOKED_KEY:
        assert (accept.status_code, decline.status_code) == (401, 401)
    elif actor == CONTENT_CLIENT:
        assert (accept.status_code, decline.status_code) == (403, 403)
        assert accept.json()["code"] == "scope_missing"
    else:
        assert (accept.status_code, decline.status_code) == (200, 404)
        assert accept.json()["status"] == offered.status == EnrolmentStatus.CONFIRMED
