"""Role and scope matrix of the preview endpoint: the token is the credential,
so every caller (a key of any scope, a revoked key, a person, no one) gets the
draft with a valid token and 401 without one."""

import pytest

from learning.core.preview import preview_token_make
from tests.api.roles import ACTORS, caller

COVERED = {("GET", "/api/v1/preview/")}


@pytest.mark.parametrize("actor", ACTORS)
def test_preview_by_caller(world, catalogue, actor):
    module = catalogue.module
    module.title = "Draft title"
    token = preview_token_make(revision=module.save_revision())
    api = caller(world, actor)

    good = api.get("/api/v1/preview/", {"token": token})
    bad = api.get("/api/v1/preview/", {"token": token + "x"})

    assert (good.status_code, bad.status_code) == (200, 401)
    assert good.json()["title"] == "Draft title"
