"""The schema says where a key is optional: operations open to anonymous
callers list the empty requirement `{}` beside the key and the session, the
others do not (found by the schema-driven run's auth check, tests/api/fuzzing.py:
a generated client sent a key to every public read)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def operations(api):
    document = api.get("/api/v1/schema/", {"format": "json"}).json()
    return {
        (method.upper(), path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/pages/"),
        ("GET", "/api/v1/testimonials/{id}/"),
        ("GET", "/api/v1/editions/"),
        ("GET", "/api/v1/calls/"),
        ("GET", "/api/v1/events/{id}/"),
        ("POST", "/api/v1/events/{id}/rsvps/"),
        ("POST", "/api/v1/enrolment-offers/{token}/accept/"),
        ("POST", "/api/v1/tokens/"),
        ("GET", "/api/v1/certificates/verify/{code}/"),
    ],
)
def test_public_operations_declare_the_key_optional(operations, method, path):
    security = operations[(method, path)]["security"]

    assert {} in security
    assert {"bearerKey": []} in security


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/me/"),
        ("GET", "/api/v1/tokens/"),
        ("GET", "/api/v1/forum/threads/"),
        ("POST", "/api/v1/forum/threads/{id}/posts/"),
        ("POST", "/api/v1/editions/{id}/enrolments/"),
        ("GET", "/api/v1/mel/editions/"),
        ("GET", "/api/v1/meetings/{id}/attendance/"),
    ],
)
def test_operations_for_callers_with_a_key_do_not(operations, method, path):
    security = operations[(method, path)]["security"]

    assert {} not in security
    assert {"bearerKey": []} in security


def test_an_anonymous_caller_is_answered_where_the_schema_says_so(api, operations):
    """The declaration matches the behaviour: a public read answers without a
    key, a person's list refuses."""
    assert api.get("/api/v1/editions/").status_code == 200
    assert api.get("/api/v1/me/").status_code == 401
