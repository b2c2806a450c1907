"""The data migration that records the gate's decision for the editions, events and
information sessions created before the gate: those already taking sign-ups stay
open, an edition yet to open waits for the openings job to check its pages."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from cms.translations.scheduled_jobs import openings_refresh_job
from learning.core.models import Opening
from learning.core.openings import opening_decide, opening_gate, opening_get
from tests.factories.catalogue import ProgrammePageFactory
from tests.factories.events import EventFactory
from tests.factories.learning import EditionFactory, InfoSessionFactory

pytestmark = pytest.mark.django_db

backfill = importlib.import_module(
    "learning.core.migrations.0002_opening_backfill"
).backfill


def _future_edition(programme):
    now = timezone.now()
    return EditionFactory(
        programme=programme,
        enrolment_opens_at=now + timedelta(days=3),
        enrolment_closes_at=now + timedelta(days=30),
    )


def test_every_subject_from_before_the_gate_gets_a_decision(home_pages, locales):
    bilingual = ProgrammePageFactory()
    enrolling = EditionFactory(programme=bilingual)
    future = _future_edition(bilingual)
    event, session = EventFactory(), InfoSessionFactory(programme=bilingual)
    subjects = [enrolling, future, event, session]
    assert [opening_get(subject=s) for s in subjects] == [None] * 4

    backfill(apps, None)

    states = [opening_get(subject=s).state for s in subjects]
    assert states == ["open", "blocked", "open", "open"]


def test_the_job_opens_a_backfilled_edition_whose_pages_are_ready(home_pages, locales):
    english_only = ProgrammePageFactory(languages=["en"])
    ready, waiting = (
        _future_edition(english_only),
        _future_edition(ProgrammePageFactory()),
    )
    backfill(apps, None)

    openings_refresh_job()

    assert opening_gate(subject=ready) == "open"
    assert opening_gate(subject=waiting) == "blocked"  # Spanish still missing


def test_a_decision_already_taken_is_kept(home_pages, locales):
    edition = EditionFactory(programme=ProgrammePageFactory())
    opening_decide(subject=edition)  # blocked: no Spanish pages

    backfill(apps, None)
    backfill(apps, None)

    assert Opening.objects.get().state == "blocked"
