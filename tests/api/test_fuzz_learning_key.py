"""Schema-driven fuzzing of /api/v1/ as an app whose key carries learning:read
and learning:write (see tests/api/fuzzing.py)."""

from tests.api.fuzzing import REQUESTS_PER_ROLE, documented_operations, fuzz
from tests.api.roles import LEARNING_CLIENT


def test_every_operation_answers_as_documented(world, catalogue, monkeypatch):
    tally = fuzz(world, LEARNING_CLIENT, monkeypatch)

    assert tally.slow == []
    assert tally.requests >= REQUESTS_PER_ROLE
    assert set(tally.by_operation) == documented_operations()
