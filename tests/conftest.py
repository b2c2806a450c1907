"""Fixtures shared by the whole suite: locales and a bilingual site root."""

import os
from collections import OrderedDict
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

from cms.home.models import HomePage
from tests.factories import SuperUserFactory

# The test database -----------------------------------------------------------------
# Each test process migrates its own SQLite file; tests/migrated_db.py lets all but
# the first copy a kept migrated file instead (`--create-db` migrates afresh).


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings, django_db_createdb):
    """Whether Django keeps (here: finds) the test database: with --reuse-db, or
    when a migrated copy was put in place. Requests the settings fixture first, so
    that the copy goes where this (xdist) worker's database is."""
    from tests import migrated_db

    if request.config.getvalue("reuse_db"):
        return True
    if django_db_createdb or not migrated_db.applies():
        return False
    return migrated_db.put_in_place()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_keepdb, django_db_blocker, request):
    """pytest-django's setup, then: keep the migrated database for the next process,
    and remove the copy this one used (keepdb leaves it)."""
    from tests import migrated_db

    if request.config.getvalue("reuse_db") or not migrated_db.applies():
        yield
        return
    with django_db_blocker.unblock():
        if not django_db_keepdb:
            migrated_db.keep()
    yield
    if django_db_keepdb:
        with django_db_blocker.unblock():
            migrated_db.remove()


@pytest.fixture
def locales(db):
    """The content languages as Wagtail locales: {"en": Locale, "es": Locale}."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "es")
    }


@pytest.fixture
def home_pages(locales):
    """A live English home page as the default site's root, and its Spanish copy."""
    return home_pages_build(locales)


def home_pages_build(locales: dict[str, Locale]) -> dict[str, HomePage]:
    """What `home_pages` gives (tests/api/conftest.py builds it under its name)."""
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a welcome page; the site's real root replaces it.
    Page.objects.filter(depth=2).exclude(locale__language_code="es").delete()
    root.refresh_from_db()
    en_home = root.add_child(
        instance=HomePage(title="Home", slug="home", locale=locales["en"])
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": en_home},
    )
    es_home = en_home.copy_for_translation(locales["es"])
    es_home.title = "Inicio"
    es_home.save_revision().publish()
    es_home.refresh_from_db()
    return {"en": en_home, "es": es_home}


@pytest.fixture
def superuser(db):
    """A superuser who signs in with an email address."""
    return SuperUserFactory()


@pytest.fixture
def superuser_client(client, superuser):
    """The test client signed in as ``superuser``."""
    client.force_login(superuser)
    return client


# PostgreSQL-only tests ------------------------------------------------------------
# Mark a test `@pytest.mark.postgres` (or request the `postgres_required` fixture)
# when it needs PostgreSQL, e.g. for row locks. On SQLite it is skipped, except in
# the CI run that sets MLP_REQUIRE_POSTGRES=1, where a skip would hide that
# PostgreSQL was not used.


def _require_postgres():
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    reason = f"needs PostgreSQL (DATABASE_URL is {connection.vendor})"
    if os.environ.get("CI") == "true" and os.environ.get("MLP_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason + " but MLP_REQUIRE_POSTGRES=1", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        _require_postgres()


@pytest.fixture
def postgres_required():
    _require_postgres()


# Language ------------------------------------------------------------------------
# Code under test activates a language per request or per email; a test that leaves
# one active would make the next test in the same process speak Spanish.


@pytest.fixture(autouse=True)
def _default_language():
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# The cache is not rolled back with the database: a new content generation (and
# learning data generation) per test, so that no test reads a page, response or
# kept block cached from another test's rows.


@pytest.fixture(autouse=True)
def _new_content_generation():
    from cms.core.generation import content_generation_bump
    from learning.core.kept_blocks import learning_data_generation_new

    content_generation_bump()
    learning_data_generation_new()


# Indexing ---------------------------------------------------------------------------
# See tests/indexing.py: search and reference indexing off per module in the main
# session, unless the module is marked `indexing` or holds transactional tests.


@pytest.fixture(scope="module", autouse=True)
def _indexing_only_where_read(request):
    module = request.node
    items = [item for item in request.session.items if item.module is module.obj]
    if module.get_closest_marker("indexing") or any(
        item.get_closest_marker("transactional") for item in items
    ):
        yield
        return
    from tests.indexing import without_search_or_reference_indexing

    with without_search_or_reference_indexing():
        yield


# Transactional tests ----------------------------------------------------------------
# A transactional test (django_db(transaction=True), transactional_db, live_server)
# empties every table when it ends, including the rows migrations made (content
# types, permissions, the root page and collection, locales). So that no other test
# ever sees that empty database, each is marked "transactional" and restores the
# migrated rows when it starts (serialized_rollback). `make test` runs them in a
# second pytest session, after the others: with several worker processes
# (pytest-xdist), one session cannot keep them last in every worker.

TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    ):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if not _is_transactional(item):
            continue
        item.add_marker(pytest.mark.transactional)
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker is not None else {}
        kwargs.update(transaction=True, serialized_rollback=True)
        item.add_marker(pytest.mark.django_db(**kwargs), append=False)


# Scheduling on several workers ------------------------------------------------------
# `make test` hands each pytest-xdist worker whole files (--dist loadfile). The files
# that use the demo site (the `demo_site` fixture) form one unit instead, so that
# one worker loads the demo (a minute or more of CPU) and the other never does.
# Units go out longest first (by estimate), so both workers end at about the same time.

DEMO_UNIT = "tests: files using demo_site"


def _files_using_the_demo(tests: Path) -> frozenset[str]:
    root = tests.parent
    return frozenset(
        path.relative_to(root).as_posix()
        for path in tests.rglob("test_*.py")
        if "demo_site" in path.read_text(encoding="utf-8")
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    demo_files = _files_using_the_demo(Path(__file__).parent)

    class DemoFilesTogether(LoadFileScheduling):
        ordered = False

        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return DEMO_UNIT if file in demo_files else file

        def _assign_work_unit(self, node) -> None:
            # Longest first (the queue is built by then): a long unit handed out
            # last leaves the other worker idle until it ends.
            if not self.ordered:
                units = sorted(
                    self.workqueue.items(), key=_estimated_seconds, reverse=True
                )
                self.workqueue = OrderedDict(units)
                self.ordered = True
            super()._assign_work_unit(node)

    return DemoFilesTogether(config, log)


# Units that take far longer than their number of tests says (`--durations` with
# coverage, in CI); a guess only orders the queue, it never changes a result.
SECONDS_PER_TEST = 0.5
SLOW_UNITS = {
    DEMO_UNIT: 110,  # load_demo, once
    "tests/cms/demo/test_load_demo.py": 70,
    "tests/production/test_install.py": 12,
    **{
        f"tests/api/test_fuzz_{role}.py": 45
        for role in (
            "anonymous",
            "content_key",
            "coordinator",
            "facilitator",
            "learning_key",
            "participant",
        )
    },
}


def _estimated_seconds(unit: tuple[str, dict]) -> float:
    scope, tests = unit
    return SLOW_UNITS.get(scope, 0) + SECONDS_PER_TEST * len(tests)


# The demo site -------------------------------------------------------------------
# load_demo takes tens of seconds; tests/demo_snapshot.py loads it once per test
# process and puts a snapshot of it back (database and media files) for each test.


@pytest.fixture(scope="session")
def _demo_snapshots():
    import io

    from django.core.management import call_command

    from tests.demo_snapshot import DemoSnapshots
    from tests.tracing import coverage_paused

    def load() -> None:
        # Untraced: tests/cms/demo/test_load_demo.py runs load_demo twice, traced,
        # in the main session (a minute of CPU here instead of two).
        with coverage_paused():
            call_command("load_demo", verbosity=0, stdout=io.StringIO())

    snapshots = DemoSnapshots(load=load)
    yield snapshots
    snapshots.discard()


@pytest.fixture
def demo_site(transactional_db, _demo_snapshots):
    """The demo site as `load_demo` builds it, in a transactional test (the live
    server sees it). Whatever an earlier test changed in it is undone; whatever the
    fixtures before this one wrote is gone, so request it first."""
    _demo_snapshots.put_in_place()


# Redis -------------------------------------------------------------------------------
# A real redis-server per test module (tests/production/servers.py), and the default
# cache pointed at it, empty before and after each test.


@pytest.fixture(scope="module")
def redis_server():
    """A redis-server of this module's own on a free loopback port."""
    from tests.production.servers import RedisServer

    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server):
    """The default cache on that server, as production configures it; the
    fixture's value is a client of the server for the test to look inside."""
    import redis

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
        }
    }
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    yield client
    client.flushdb()
