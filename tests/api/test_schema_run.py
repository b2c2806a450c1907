"""A schema-driven run: schemathesis reads the OpenAPI schema of /api/v1/ and
sends generated requests (fixed seed), in-process, to every operation as a
participant with a personal token. No answer may be a server error, and every
answer must conform to the schema: a documented status, content type and body.

Per-key rate limits are lifted for the run (they are tested in test_auth.py);
everything else is the real stack, database included.
"""

import json
import math
from contextlib import contextmanager

import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, seed, settings
from rest_framework.test import APIClient
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from tests.api.roles import PARTICIPANT_A

SEED = 20261124
MINIMUM_REQUESTS = 2000
CHECKS = [
    checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


@contextmanager
def connection_kept_open():
    """Keep the test's database connection open between WSGI requests, as
    Django's test client does (it reconnects these receivers after each of its
    own requests, so this wraps the run only)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _run(operation, *, app, headers, tally, examples):
    @seed(SEED)
    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def send(case):
        response = case.call(app=app, headers=headers)
        tally["requests"] += 1
        tally["by_operation"][operation.label] = (
            tally["by_operation"].get(operation.label, 0) + 1
        )
        if response.status_code >= 500:
            tally["server_errors"].append((operation.label, response.status_code))
        case.validate_response(response, checks=CHECKS)

    send()


def test_every_operation_answers_as_documented(world, catalogue, monkeypatch):
    monkeypatch.setattr(
        "api.throttling.KeyRateThrottle.allow_request", lambda *args: True
    )
    cache.clear()
    document = json.loads(
        APIClient().get("/api/v1/schema/", {"format": "json"}).content
    )
    schema = schemathesis.openapi.from_dict(document)
    headers = {"Authorization": f"Bearer {world.keys[PARTICIPANT_A]}"}
    tally = {"requests": 0, "server_errors": [], "by_operation": {}}

    app = get_wsgi_application()
    operations = [result.ok() for result in schema.get_all_operations()]
    # Enough examples per operation for the whole run to pass the minimum.
    examples = max(50, math.ceil(MINIMUM_REQUESTS * 1.1 / len(operations)))
    with connection_kept_open():
        for operation in operations:
            _run(operation, app=app, headers=headers, tally=tally, examples=examples)

    assert tally["server_errors"] == []
    assert tally["requests"] >= MINIMUM_REQUESTS
    assert set(tally["by_operation"]) == {
        f"{method.upper()} {path}"
        for path, item in document["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }
