"""Schema-driven fuzzing of /api/v1/ as a participant with a personal token
(see tests/api/fuzzing.py)."""

from tests.api.fuzzing import REQUESTS_PER_ROLE, documented_operations, fuzz
from tests.api.roles import PARTICIPANT_A


def test_every_operation_answers_as_documented(world, catalogue, monkeypatch):
    tally = fuzz(world, PARTICIPANT_A, monkeypatch)

    assert tally.slow == []
    assert tally.requests >= REQUESTS_PER_ROLE
    assert set(tally.by_operation) == documented_operations()
