"""A programme page's editions, information sessions and seminar runs, kept
rendered between changes (learning/core/kept_blocks.py): the page equals a
fresh render, shows each change at once (a place taken, the clock passing a
threshold, a new edition, a cancelled session), holds nobody's data and costs
the same queries for one edition or six."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.infosessions.models import InfoSession
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    InfoSessionFactory,
    MeetingFactory,
    ParticipantFactory,
)
from tests.factories.registrations import (
    RegistrationFactory,
    SeminarProgrammePageFactory,
    SeminarRunFactory,
)

EDITIONS = re.compile(r'<section[^>]*aria-labelledby="editions".*?</section>', re.S)
SESSIONS = re.compile(
    r'<section[^>]*aria-labelledby="info-sessions".*?</section>', re.S
)


def _get(client: Client, url: str) -> str:
    with override_settings(SITE_PAGE_CACHE=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _fresh(client: Client, url: str) -> str:
    with override_settings(LEARNING_KEPT_BLOCKS=False):
        return _get(client, url)


# Long enough that only the blocks' own next change can refresh them.
KEPT_A_YEAR = override_settings(LEARNING_KEPT_BLOCKS_SECONDS=366 * 24 * 3600)


def _block(pattern: re.Pattern, html: str) -> str:
    found = pattern.search(html)
    assert found, "the block is on the page"
    return found.group(0)


@pytest.fixture
def programme(page_of):
    programme = page_of("programme")
    edition = EditionFactory(programme=programme, title="Spring edition", places=2)
    EnrolmentFactory(edition=edition)
    MeetingFactory(edition=edition, session_topic=page_of("session_topic"))
    InfoSessionFactory(programme=programme, title="Ask us anything", capacity=5)
    programme.edition = edition
    return programme


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_with_kept_blocks_equals_a_fresh_render(
    client, page_of, programme, language
):
    url = page_of("programme", language).url
    _get(client, url)  # keeps the blocks

    kept = _get(client, url)

    assert "Spring edition" in kept
    assert "Ask us anything" in kept
    assert kept == _fresh(client, url)


def test_an_enrolment_taking_the_last_place_shows_at_once(client, programme):
    before = _block(EDITIONS, _get(client, programme.url))
    assert 'data-places-left="1"' in before

    EnrolmentFactory(edition=programme.edition)

    after = _block(EDITIONS, _get(client, programme.url))
    assert 'data-status="fully_booked"' in after
    assert "Join the waitlist" in after
    assert after == _block(EDITIONS, _fresh(client, programme.url))


@KEPT_A_YEAR
def test_the_clock_passing_the_enrolment_close_shows_at_once(client, programme):
    before = _block(EDITIONS, _get(client, programme.url))
    assert "/enrol/" in before

    closes = programme.edition.enrolment_closes_at
    with time_machine.travel(closes + timedelta(seconds=1), tick=False):
        after = _block(EDITIONS, _get(client, programme.url))
        fresh = _block(EDITIONS, _fresh(client, programme.url))

    assert 'data-status="closed"' in after
    assert "/enrol/" not in after
    assert after == fresh


def test_a_new_edition_shows_at_once(client, programme):
    _get(client, programme.url)

    EditionFactory(programme=programme, title="Autumn edition")

    assert "Autumn edition" in _block(EDITIONS, _get(client, programme.url))


@KEPT_A_YEAR
def test_a_cancelled_or_started_information_session_leaves_at_once(client, programme):
    later = InfoSessionFactory(
        programme=programme,
        title="Second chance",
        starts_at=timezone.now() + timedelta(days=20),
    )
    assert "Ask us anything" in _block(SESSIONS, _get(client, programme.url))

    InfoSession.objects.get(title="Ask us anything").delete()
    sessions = _block(SESSIONS, _get(client, programme.url))
    assert "Ask us anything" not in sessions
    assert "Second chance" in sessions

    with time_machine.travel(later.starts_at, tick=False):
        html = _get(client, programme.url)
    assert 'aria-labelledby="info-sessions"' not in html


def test_no_one_s_data_is_kept_in_a_block(client, programme):
    """Two people, one cache: whoever reads first, the blocks are the same for
    everyone and hold no name, address or CSRF token."""
    first = ParticipantFactory(enrolment__edition=programme.edition, name="Ximena Q")
    second = ParticipantFactory(name="Tupac Amaru")
    readers = []
    for participant in (first, second):
        reader = Client()
        reader.force_login(participant.user)
        readers.append(reader)

    pages = [_get(reader, programme.url) for reader in (*readers, client)]

    blocks = {_block(EDITIONS, page) + _block(SESSIONS, page) for page in pages}
    assert len(blocks) == 1
    (kept,) = blocks
    for person in (first, second):
        assert person.name not in kept
        assert person.user.email not in kept
    assert "csrfmiddlewaretoken" not in kept
    assert "Sign out" in pages[0]  # the header is still the reader's own


def _queries(client: Client, url: str) -> int:
    _get(client, url)
    with CaptureQueriesContext(connection) as context:
        _get(client, url)
    return len(context.captured_queries)


def test_a_kept_page_costs_the_same_queries_for_one_edition_or_six(client, programme):
    one = _queries(client, programme.url)

    for _ in range(5):
        edition = EditionFactory(programme=programme)
        EnrolmentFactory(edition=edition)
        MeetingFactory(edition=edition)
        InfoSessionFactory(programme=programme)
    six = _queries(client, programme.url)

    assert six == one
    assert one <= 10


def test_a_seminar_run_shows_a_registration_taking_the_last_place(client, page_of):
    runs = re.compile(r'<section[^>]*aria-labelledby="seminar-runs".*?</section>', re.S)
    seminar = SeminarProgrammePageFactory(parent=page_of("programme_index"))
    run = SeminarRunFactory(programme=seminar, places=1)
    before = _block(runs, _get(client, seminar.url))
    assert ">Register</a>" in before

    RegistrationFactory(edition=run, name="Rosa Chávez")

    after = _block(runs, _get(client, seminar.url))
    assert "Join the waitlist" in after
    assert "Rosa Chávez" not in after
    assert after == _block(runs, _fresh(client, seminar.url))
