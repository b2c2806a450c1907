"""Names made from data (an edition's month, a topic-less meeting's role) are
made on reading, in the reader's language; stored English ones are forgotten."""

import importlib
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps
from django.utils import translation

from learning.editions.services import edition_create
from tests.factories.learning import EditionFactory, MeetingFactory

START = date(2031, 2, 3)
END = date(2031, 6, 30)


@pytest.fixture
def edition(db):
    return EditionFactory(title="", starts_on=START, ends_on=date(2031, 6, 30))


def test_an_edition_created_without_title_is_named_by_its_month(edition):
    created = edition_create(
        programme=edition.programme,
        starts_on=START,
        ends_on=date(2031, 6, 30),
        enrolment_opens_at=datetime(2030, 11, 1, tzinfo=UTC),
        enrolment_closes_at=datetime(2031, 1, 15, tzinfo=UTC),
        places=10,
    )

    assert created.title == ""
    assert created.slug == "2031-02"
    with translation.override("en"):
        assert str(created) == "February 2031"
    with translation.override("es"):
        assert str(created) == "febrero de 2031"


@pytest.mark.parametrize(
    ("day", "english"),
    [
        (START, "Introduction session"),
        (START + timedelta(days=30), "Meeting"),
        (date(2031, 6, 30), "Closing session"),
    ],
)
def test_a_meeting_without_topic_is_named_by_its_place_in_the_edition(
    edition, day, english
):
    meeting = MeetingFactory(
        edition=edition,
        session_topic=None,
        title="",
        starts_at=datetime.combine(day, datetime.min.time(), tzinfo=UTC)
        + timedelta(hours=14),
    )

    with translation.override("en"):
        assert meeting.display_title == english


def test_the_migration_forgets_only_english_names_made_from_data(edition):
    generated = EditionFactory(title="February 2031", starts_on=START, ends_on=END)
    chosen = EditionFactory(title="Pilot run", starts_on=START, ends_on=END)
    intro = MeetingFactory(
        edition=edition, session_topic=None, title="Introduction session"
    )
    named = MeetingFactory(edition=edition, session_topic=None, title="Welcome call")
    migration = importlib.import_module(
        "learning.editions.migrations.0003_edition_title_optional"
    )

    migration.forget_generated_english_names(apps, None)

    for item in (generated, chosen, intro, named):
        item.refresh_from_db()
    assert (generated.title, chosen.title) == ("", "Pilot run")
    assert (intro.title, named.title) == ("", "Welcome call")
