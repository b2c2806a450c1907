"""Role and scope matrix of the calls for proposals endpoints: reading calls is
open to anyone (a key needs `learning:read`); nothing about proposals is
reachable through the API (tests/api/test_calls_api.py walks every URL)."""

import pytest

from tests.api.roles import ACTORS, CONTENT_CLIENT, REVOKED_KEY, caller
from tests.factories.proposals import CallForProposalsPageFactory

CALLS = "/api/v1/calls/"
CALL = "/api/v1/calls/{id}/"
COVERED = {("GET", CALLS), ("GET", CALL)}


def _open_to_anyone(actor):
    if actor == REVOKED_KEY:
        return 401
    return 403 if actor == CONTENT_CLIENT else 200


@pytest.mark.parametrize("actor", ACTORS)
def test_call_endpoints_by_caller(world, actor):
    call = CallForProposalsPageFactory(parent__parent=world.tree.programme.get_parent())
    api = caller(world, actor)

    listing = api.get(CALLS)
    detail = api.get(CALL.replace("{id}", str(call.pk)))

    assert [listing.status_code, detail.status_code] == [_open_to_anyone(actor)] * 2
    if listing.status_code == 200:
        assert [item["id"] for item in listing.json()["results"]] == [call.pk]
        assert detail.json()["title"] == call.title
    if actor == CONTENT_CLIENT:
        assert listing.json()["code"] == "scope_missing"
