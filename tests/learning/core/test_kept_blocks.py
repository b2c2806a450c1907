"""Kept blocks of learning data (learning/core/kept_blocks.py): rendered once,
served until a write to what they show, a page publish or the clock's next
change, and the instants at which an edition's or a session list's state flips."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from learning.core.kept_blocks import KeptRendering, kept_block, kept_blocks_off
from learning.editions.selectors import (
    edition_status_changes_at,
    edition_status_compute,
)
from learning.infosessions.selectors import infosession_upcoming_changes_at
from tests.factories import ProgrammePageFactory, UserFactory
from tests.factories.learning import EditionFactory, InfoSessionFactory

pytestmark = pytest.mark.django_db


class Counter:
    """A block's render(): counts its renderings, each with a new HTML."""

    def __init__(self, changes_at: datetime | None = None):
        self.renderings = 0
        self.changes_at = changes_at

    def __call__(self) -> KeptRendering:
        self.renderings += 1
        return KeptRendering(f"<p>{self.renderings}</p>", self.changes_at)


def _read(render: Counter, vary: tuple = ("p", "en")) -> str:
    return kept_block(name="test-block", vary=vary, render=render)


def test_a_block_is_rendered_once_then_kept():
    render = Counter()

    first, second = _read(render), _read(render)

    assert first == second == "<p>1</p>"
    assert render.renderings == 1
    assert _read(render, vary=("p", "es")) == "<p>2</p>"  # its own language


def test_a_write_to_the_learning_data_it_shows_renders_it_again():
    render = Counter()
    _read(render)

    EditionFactory()

    assert _read(render) == "<p>2</p>"


def test_a_write_to_other_data_keeps_it():
    render = Counter()
    _read(render)

    UserFactory()

    assert _read(render) == "<p>1</p>"


def test_publishing_a_page_renders_it_again():
    """A schedule shows module and session topic titles."""
    programme = ProgrammePageFactory()
    render = Counter()
    _read(render)

    programme.title = "Renamed"
    programme.save_revision().publish()

    assert _read(render) == "<p>2</p>"


def test_it_is_kept_until_the_clock_reaches_its_next_change():
    now = timezone.now()
    render = Counter(changes_at=now + timedelta(minutes=30))
    _read(render)

    with time_machine.travel(now + timedelta(minutes=29, seconds=59), tick=False):
        assert _read(render) == "<p>1</p>"
    with time_machine.travel(now + timedelta(minutes=30), tick=False):
        assert _read(render) == "<p>2</p>"


def test_a_block_rendered_before_a_write_commits_is_not_kept_past_the_commit(
    django_capture_on_commit_callbacks,
):
    """Rendered inside the writing transaction, it may show the data as it was
    to other readers: the commit starts a new generation."""
    render = Counter()
    with django_capture_on_commit_callbacks(execute=True):
        EditionFactory()
        _read(render)
        assert _read(render) == "<p>1</p>"

    assert _read(render) == "<p>2</p>"


def test_switched_off_every_read_renders():
    render = Counter()

    with override_settings(LEARNING_KEPT_BLOCKS=False):
        _read(render), _read(render)
    with kept_blocks_off():
        _read(render)

    assert render.renderings == 3


def test_no_block_outlives_its_longest_keeping():
    render = Counter()
    with override_settings(LEARNING_KEPT_BLOCKS_SECONDS=60):
        _read(render)
        with time_machine.travel(timezone.now() + timedelta(seconds=61)):
            assert _read(render) == "<p>2</p>"


def _edition(**fields):
    defaults = {
        "enrolment_opens_at": datetime(2030, 3, 1, 9, 0, tzinfo=UTC),
        "enrolment_closes_at": datetime(2030, 4, 1, 9, 0, tzinfo=UTC),
        "starts_on": date(2030, 5, 4),
        "ends_on": date(2030, 6, 30),
        "time_zone": "America/Lima",
    }
    return EditionFactory.build(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2030, 1, 1, tzinfo=UTC), datetime(2030, 3, 1, 9, 0, tzinfo=UTC)),
        (datetime(2030, 3, 10, tzinfo=UTC), datetime(2030, 4, 1, 9, 0, tzinfo=UTC)),
        # Midnight in Lima (UTC-5) of the first day, and after the last.
        (datetime(2030, 4, 2, tzinfo=UTC), datetime(2030, 5, 4, 5, 0, tzinfo=UTC)),
        (datetime(2030, 5, 10, tzinfo=UTC), datetime(2030, 7, 1, 5, 0, tzinfo=UTC)),
        (datetime(2030, 7, 2, tzinfo=UTC), None),
    ],
)
def test_an_editions_status_changes_at_its_next_threshold(now, expected):
    edition = _edition()

    changes_at = edition_status_changes_at(edition=edition, now=now)

    assert changes_at == expected
    if changes_at is not None:
        before = edition_status_compute(edition=edition, places_taken=0, now=now)
        at = edition_status_compute(edition=edition, places_taken=0, now=changes_at)
        just_before = changes_at - timedelta(microseconds=1)
        assert (
            edition_status_compute(edition=edition, places_taken=0, now=just_before)
            == before
        )
        assert at != before


def test_a_session_list_changes_when_its_first_session_starts():
    now = timezone.now()
    later = InfoSessionFactory.build(starts_at=now + timedelta(days=3))
    sooner = InfoSessionFactory.build(starts_at=now + timedelta(days=1))

    assert (
        infosession_upcoming_changes_at(sessions=[later, sooner], now=now)
        == sooner.starts_at
    )
    assert infosession_upcoming_changes_at(sessions=[], now=now) is None
