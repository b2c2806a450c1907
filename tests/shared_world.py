"""A test module's "world" (the programme, editions and people its tests act on)
built once for the module instead of once per test.

As tests/cms/conftest.py's `bilingual_site`: the world is built in a transaction
rolled back after the module; each test runs in a savepoint of it, so what a test
writes is undone; and the test gets a deep copy of the world's objects, so what it
changes on them in memory is undone too. Only where every selected test of the
module asks for the world and none is transactional: a test that does not ask for
it must not find its rows, and a transactional test needs its rows committed
(other connections read them). Elsewhere each test builds its own, as before.

    @pytest.fixture(scope="module")
    def _world_once(request, django_db_setup, django_db_blocker):
        yield from built_once_per_module(request, django_db_blocker, build_world)

    @pytest.fixture
    def world(_world_once, db):
        return copy_or_build(_world_once, build_world)
"""

import copy
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")


def built_once_per_module(
    request: pytest.FixtureRequest, django_db_blocker, build: Callable[[], T]
) -> Iterator[T | None]:
    """The body of a module-scoped fixture: `build()` in a rolled-back transaction
    where every test of the module shares it, else None."""
    if not _every_test_shares(request):
        yield None
        return
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches the site root paths


def copy_or_build(shared: T | None, build: Callable[[], T]) -> T:
    """The body of the per-test fixture: a copy of the shared world, or a new one."""
    return build() if shared is None else copy.deepcopy(shared)


def module_items(request: pytest.FixtureRequest) -> list[pytest.Item]:
    """The selected tests of the module a module-scoped fixture serves."""
    module = request.node
    return [item for item in request.session.items if item.module is module.obj]


def _every_test_shares(request: pytest.FixtureRequest) -> bool:
    return all(
        request.fixturename in getattr(item, "fixturenames", ())
        and not item.get_closest_marker("transactional")
        for item in module_items(request)
    )
