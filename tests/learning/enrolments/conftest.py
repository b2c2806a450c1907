import pytest

from tests.factories.learning import EditionFactory, ProgrammeTree, programme_tree


@pytest.fixture
def tree(db) -> ProgrammeTree:
    """A programme with three modules; module 1 is required first."""
    return programme_tree()


@pytest.fixture
def edition(tree):
    """An edition of `tree`'s programme, open for enrolment, with 15 places."""
    return EditionFactory(programme=tree.programme)
