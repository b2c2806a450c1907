import pytest

from tests.factories.learning import EditionFactory, ProgrammeTree, programme_tree
from tests.shared_world import built_once_per_module, copy_or_build


@pytest.fixture(scope="module")
def _tree_once(request, django_db_setup, django_db_blocker):
    yield from built_once_per_module(request, django_db_blocker, programme_tree)


@pytest.fixture
def tree(_tree_once, db) -> ProgrammeTree:
    """A programme with three modules; module 1 is required first. Built once per
    module where its tests share it (tests/shared_world.py)."""
    return copy_or_build(_tree_once, programme_tree)


@pytest.fixture
def edition(tree):
    """An edition of `tree`'s programme, open for enrolment, with 15 places."""
    return EditionFactory(programme=tree.programme)
