"""Schema-driven fuzzing of /api/v1/ as an app whose key carries content:read
(see tests/api/fuzzing.py)."""

from tests.api.fuzzing import REQUESTS_PER_ROLE, documented_operations, fuzz
from tests.api.roles import CONTENT_CLIENT


def test_every_operation_answers_as_documented(world, catalogue, monkeypatch):
    tally = fuzz(world, CONTENT_CLIENT, monkeypatch)

    assert tally.slow == []
    assert tally.requests >= REQUESTS_PER_ROLE
    assert set(tally.by_operation) == documented_operations()
