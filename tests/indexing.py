"""Search indexing in tests.

Indexing a page in the search backend on every save is much of what building a
page tree costs (the SQLite backend also refreshes its title norms on each insert),
and few tests search. So `tests/conftest.py` switches search indexing off for each
module of the (non-transactional) main session, except the modules marked
`indexing`, which search. Transactional modules keep it on: their servers and
worker processes read the real settings.

Wagtail's reference index (what links to what: usage counts, "used in" lists, the
checks before a delete) is updated by a task on every save of a page, snippet,
image or document: about a tenth of what a test that builds pages costs. It is off
in the same modules, as long as the test does not switch it itself.
"""

from contextlib import contextmanager

from django.conf import settings
from django.test import override_settings
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)


@contextmanager
def without_search_indexing():
    """Skip search indexing of what is saved inside the block (re-entrant)."""
    backends = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


@contextmanager
def without_search_or_reference_indexing():
    """Skip search and reference indexing inside the block, for a whole module.

    Wagtail's own switch (disable_reference_index_auto_update) clears the flag
    when it exits: code under test that uses it inside this block turns reference
    indexing back on for the rest of the block, which only costs time.
    """
    with without_search_indexing():
        reference_index_auto_update_disabled.value = True
        try:
            yield
        finally:
            try:
                del reference_index_auto_update_disabled.value
            except AttributeError:  # code under test switched it back on
                pass


@contextmanager
def without_indexing():
    """Skip search and reference indexing inside the block (not re-entrant:
    Wagtail's reference-index switch is not)."""
    with without_search_indexing(), disable_reference_index_auto_update():
        yield
