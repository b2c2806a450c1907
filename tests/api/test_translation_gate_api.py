"""The gate through the API: the detail of an edition, an event and an information
session says each language's status and whether sign-up may open; a held edition
refuses enrolments with the gate's code."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.core.openings import opening_decide
from learning.editions.services import edition_create
from learning.events.services import event_schedule
from learning.infosessions.services import infosession_create
from tests.api.roles import LEARNING_CLIENT, caller
from tests.cms.translations.helpers import translate
from tests.factories.catalogue import ProgrammePageFactory
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db


def _edition(programme):
    now = timezone.now()
    return edition_create(
        programme=programme,
        title="Spring",
        starts_on=(now + timedelta(days=60)).date(),
        ends_on=(now + timedelta(days=120)).date(),
        enrolment_opens_at=now - timedelta(hours=1),
        enrolment_closes_at=now + timedelta(days=30),
        places=10,
    )


def _pages(tree):
    topics = [topic for topics in tree.topics.values() for topic in topics]
    return [tree.programme, *tree.modules, *topics]


def test_a_held_edition_says_blocked_and_refuses_enrolment(world, api, locales):
    edition = _edition(world.tree.programme)

    detail = api.get(f"/api/v1/editions/{edition.pk}/").json()
    refused = caller(world, LEARNING_CLIENT).post(
        f"/api/v1/editions/{edition.pk}/enrolments/",
        {
            "organisation_name": "Red Andina",
            "organisation_country": "Peru",
            "representatives": [
                {"name": f"Person {i}", "email": f"p{i}@andina.example.org"}
                for i in (1, 2)
            ],
            "module_ids": [world.tree.modules[0].pk],
            "consent": True,
        },
        format="json",
    )

    assert detail["gate"] == "blocked"
    assert detail["translation"] == {"en": "up_to_date", "es": "missing"}
    assert refused.status_code == 400
    assert refused.json()["code"] == "opening_blocked"


def test_a_translated_edition_says_open(world, api, locales):
    edition = _edition(world.tree.programme)
    translate(_pages(world.tree), locales["es"])
    opening_decide(subject=edition)

    detail = api.get(f"/api/v1/editions/{edition.pk}/").json()
    listing = api.get("/api/v1/editions/").json()

    assert detail["gate"] == "open"
    assert detail["translation"] == {"en": "up_to_date", "es": "up_to_date"}
    # The list stays light: the gate is on the detail only.
    assert "gate" not in listing["results"][0]


def test_an_event_and_an_information_session_carry_the_gate(home_pages, api, locales):
    programme = ProgrammePageFactory(programme_format="event_series")
    page = EventPageFactory(parent=programme)
    now = timezone.now()
    event = event_schedule(
        page=page, starts_at=now + timedelta(days=9), rsvp_closes_at=now
    )
    session = infosession_create(
        programme=programme,
        starts_at=now + timedelta(days=3),
        capacity=5,
        language="en",
    )
    translate([programme, page], locales["es"])
    opening_decide(subject=session)

    event_detail = api.get(f"/api/v1/events/{event.pk}/").json()
    session_detail = api.get(f"/api/v1/info-sessions/{session.pk}/").json()

    assert event_detail["gate"] == "blocked"  # held at scheduling; the job opens it
    assert event_detail["translation"] == {"en": "up_to_date", "es": "up_to_date"}
    assert session_detail["gate"] == "open"
    assert session_detail["translation"]["es"] == "up_to_date"
