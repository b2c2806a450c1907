"""Every operation in the OpenAPI schema is in a role and scope matrix: each
tests/api/test_matrix_*.py module lists the (method, path) pairs it checks."""

import importlib
from pathlib import Path

from rest_framework.test import APIClient

METHODS = {"get", "post", "put", "patch", "delete"}


def _covered():
    covered = set()
    for path in sorted(Path(__file__).parent.glob("test_matrix_*.py")):
        if path.stem == Path(__file__).stem:
            continue
        module = importlib.import_module(f"tests.api.{path.stem}")
        covered |= module.COVERED
    return covered


def test_every_operation_of_the_schema_is_in_a_matrix(db):
    response = APIClient().get("/api/v1/schema/", {"format": "json"})
    operations = {
        (method.upper(), path)
        for path, item in response.json()["paths"].items()
        for method in item
        if method in METHODS
    }

    covered = _covered()

    assert operations - covered == set()
    assert covered - operations == set(), "matrix entries for unknown operations"
