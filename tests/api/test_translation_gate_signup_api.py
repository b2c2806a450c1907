"""Through the API, a sign-up the translation gate holds reads "not open yet" as the
site does: an edition's status stays `upcoming` (and `?status=` filters by it), an
event's RSVP is `not_open`, an information session's sign-up is `not_open`; all
open once the pages are translated and the openings job runs."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.translations.scheduled_jobs import openings_refresh_job
from learning.editions.services import edition_create
from learning.events.services import event_schedule
from learning.infosessions.services import infosession_create
from tests.cms.translations.helpers import translate
from tests.factories.catalogue import ProgrammePageFactory
from tests.factories.events import EventPageFactory
from tests.factories.learning import programme_tree

pytestmark = pytest.mark.django_db


def _edition(programme, title="Spring"):
    now = timezone.now()
    return edition_create(
        programme=programme,
        title=title,
        starts_on=(now + timedelta(days=60)).date(),
        ends_on=(now + timedelta(days=120)).date(),
        enrolment_opens_at=now - timedelta(hours=1),
        enrolment_closes_at=now + timedelta(days=30),
        places=10,
    )


def _ids(api, **params):
    response = api.get("/api/v1/editions/", params)
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def tree(home_pages, locales):
    return programme_tree(modules=1, topics_per_module=1)


def test_a_held_edition_is_upcoming_in_the_list_the_detail_and_the_filter(api, tree):
    edition = _edition(tree.programme)

    detail = api.get(f"/api/v1/editions/{edition.pk}/").json()
    listed = api.get("/api/v1/editions/").json()["results"]

    assert (detail["status"], detail["gate"]) == ("upcoming", "blocked")
    assert [row["status"] for row in listed] == ["upcoming"]
    assert _ids(api, status="upcoming") == [edition.pk]
    assert _ids(api, status="open") == []


def test_a_translated_edition_reads_open_after_the_job(api, tree, locales):
    edition = _edition(tree.programme)
    topics = [topic for topics in tree.topics.values() for topic in topics]
    translate([tree.programme, *tree.modules, *topics], locales["es"])

    openings_refresh_job()
    detail = api.get(f"/api/v1/editions/{edition.pk}/").json()

    assert (detail["status"], detail["gate"]) == ("open", "open")
    assert _ids(api, status="open") == [edition.pk]
    assert _ids(api, status="upcoming") == []


def test_the_edition_list_costs_the_same_with_more_held_editions(api, tree):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert api.get("/api/v1/editions/").status_code == 200
        return len(context.captured_queries)

    _edition(tree.programme, "One")
    api.get("/api/v1/editions/")  # warm the process caches
    few = queries()
    for number in range(4):
        _edition(tree.programme, f"More {number}")

    assert queries() == few


def test_a_held_event_and_information_session_say_not_open(api, home_pages, locales):
    programme = ProgrammePageFactory(programme_format="event_series")
    page = EventPageFactory(parent=programme)
    now = timezone.now()
    event = event_schedule(
        page=page,
        starts_at=now + timedelta(days=9),
        rsvp_closes_at=now + timedelta(days=8),
    )
    session = infosession_create(
        programme=programme,
        starts_at=now + timedelta(days=3),
        capacity=5,
        language="en",
    )

    rsvp = api.get(f"/api/v1/events/{event.pk}/").json()["rsvp"]
    sign_up = api.get(f"/api/v1/info-sessions/{session.pk}/").json()
    listed = api.get("/api/v1/info-sessions/").json()["results"]

    assert (rsvp["is_open"], rsvp["status"]) == (False, "not_open")
    assert (sign_up["sign_up_open"], sign_up["sign_up_status"]) == (False, "not_open")
    assert [row["sign_up_status"] for row in listed] == ["not_open"]

    translate([programme, page], locales["es"])
    openings_refresh_job()
    rsvp = api.get(f"/api/v1/events/{event.pk}/").json()["rsvp"]
    sign_up = api.get(f"/api/v1/info-sessions/{session.pk}/").json()

    assert (rsvp["is_open"], rsvp["status"]) == (True, "open")
    assert (sign_up["sign_up_open"], sign_up["sign_up_status"]) == (True, "open")
