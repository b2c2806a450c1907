"""The learning note (a publication) embeds an edition's or an event's
indicators as a table, read live through the same selectors."""

import pytest
from wagtail.blocks import StructBlockValidationError

from learning.mel.blocks_indicators import IndicatorsTableBlock
from learning.mel.indicators import edition_report
from tests.factories.events import EventFactory, EventRsvpFactory
from tests.factories.pages import PublicationPageFactory

from .indicator_world import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def test_a_learning_note_shows_the_editions_indicators(client, home_pages, world):
    note = PublicationPageFactory(
        parent__parent=home_pages["en"],
        indicators=[
            (
                "indicators",
                {"heading": "What we achieved", "edition": str(world.edition.pk)},
            )
        ],
    )
    note.save_revision().publish()

    page = client.get(note.url).content.decode()

    table = page.split("data-indicators-table")[1].split("</table>")[0]
    assert "What we achieved" in table
    total = edition_report(edition=world.edition).get("attendance_rate").total
    assert str(total) in table
    assert "too few answers" not in table  # the whole edition has enough answers


def test_the_block_wants_an_edition_or_an_event_not_both(world):
    block = IndicatorsTableBlock()
    value = block.to_python({"edition": str(world.edition.pk), "event": ""})

    assert block.clean(value)["edition"] == str(world.edition.pk)
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"edition": "", "event": ""}))


def test_an_event_table_counts_its_rsvps(db):
    event = EventFactory()
    EventRsvpFactory.create_batch(2, event=event, attending=True)
    EventRsvpFactory(event=event, attending=False)
    block = IndicatorsTableBlock()

    data = block.get_api_representation(block.to_python({"event": str(event.pk)}))

    figures = {i["code"]: i["figure"] for i in data["indicators"]}
    assert figures["event_attending"] == {"kind": "count", "value": 2}
    assert figures["survey_average_scores"]["kind"] == "too_few_answers"


def test_the_content_api_gives_the_notes_figures(client, home_pages, world):
    note = PublicationPageFactory(
        parent__parent=home_pages["en"],
        indicators=[("indicators", {"edition": str(world.edition.pk)})],
    )
    note.save_revision().publish()

    data = client.get(f"/api/v1/publications/{note.pk}/").json()

    (table,) = data["indicators"]
    figures = {i["code"]: i["figure"] for i in table["value"]["indicators"]}
    total = edition_report(edition=world.edition).get("attendance_rate").total
    assert figures["attendance_rate"] == total.as_data()
