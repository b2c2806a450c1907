"""Materials in the reader's language, review progress, and scoped shared lists."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.editions.models import Edition, Meeting
from learning.materials.models import SharedMaterial
from learning.materials.selectors import (
    meeting_materials_for_member,
    review_progress_for_edition,
    review_progress_for_meeting,
    session_topic_materials_for_reader,
    shared_material_get_for_user,
    shared_material_list_for_user,
)
from learning.materials.services import material_mark_reviewed
from tests.factories import DocumentFactory
from tests.factories.learning import ParticipantFactory
from tests.factories.materials import SharedMaterialFactory

from .conftest import (
    DECK_KEY,
    PUBLICATION_KEY,
    VIDEO_KEY,
    add_meetings,
    enrolment_choosing,
    materials_of,
    translate,
)

pytestmark = pytest.mark.django_db


def by_key(items):
    return {item.key: item for item in items}


# --- The reader's language ----------------------------------------------------


def test_an_english_reader_sees_the_originals(world):
    items = by_key(
        session_topic_materials_for_reader(session_topic=world.topic, language="en")
    )

    assert list(items) == [PUBLICATION_KEY, VIDEO_KEY, DECK_KEY]
    assert items[PUBLICATION_KEY].title == "Care guide"
    assert items[PUBLICATION_KEY].note == "Read chapter 2."
    assert not any(item.is_fallback for item in items.values())


def test_a_spanish_reader_gets_the_live_spanish_variant_or_the_marked_original(world):
    spanish = translate(world.publication, "es", title="Guía de cuidado")

    items = by_key(
        session_topic_materials_for_reader(session_topic=world.topic, language="es")
    )

    publication = items[PUBLICATION_KEY]
    assert (publication.title, publication.language) == ("Guía de cuidado", "es")
    assert publication.url == spanish.get_url()
    assert not publication.is_fallback
    video = items[VIDEO_KEY]  # no Spanish video
    assert (video.title, video.language, video.is_fallback) == (
        "Kinship talk",
        "en",
        True,
    )
    assert items[DECK_KEY].is_fallback  # the topic has no Spanish page


def test_a_spanish_variant_that_is_not_live_is_not_shown(world):
    spanish = translate(world.publication, "es", title="Guía de cuidado")
    spanish.unpublish()

    item = by_key(
        session_topic_materials_for_reader(session_topic=world.topic, language="es")
    )[PUBLICATION_KEY]

    assert item.title == "Care guide"
    assert item.is_fallback


def test_the_translated_topic_gives_its_own_presentation_and_notes(world):
    spanish_publication = translate(world.publication, "es", title="Guía de cuidado")
    spanish_topic = translate(world.topic, "es", title="Tema con materiales")
    spanish_materials = materials_of(
        publication=spanish_publication,
        video=world.video,
        document=DocumentFactory(title="Diapositivas"),
    )
    spanish_materials[0]["value"]["note"] = "Lea el capítulo 2."
    spanish_materials[2]["value"]["title"] = "Diapositivas del módulo"
    spanish_topic.materials = spanish_materials
    spanish_topic.save_revision().publish()

    items = by_key(
        session_topic_materials_for_reader(session_topic=world.topic, language="es")
    )

    assert items[PUBLICATION_KEY].note == "Lea el capítulo 2."
    deck = items[DECK_KEY]
    assert (deck.title, deck.language, deck.is_fallback) == (
        "Diapositivas del módulo",
        "es",
        False,
    )
    assert "diapositivas" not in items[VIDEO_KEY].title.lower()


def test_the_before_the_meeting_list_shows_the_users_marks(world):
    material_mark_reviewed(
        user=world.participant_a,
        edition=world.edition_a,
        session_topic=world.topic,
        material_key=VIDEO_KEY,
    )

    edition, meetings = meeting_materials_for_member(
        user=world.participant_a, edition_id=world.edition_a.pk, language="en"
    )

    assert edition == world.edition_a
    (meeting,) = meetings
    assert meeting.meeting == world.meeting_a
    assert {m.key: m.reviewed for m in meeting.materials} == {
        PUBLICATION_KEY: False,
        VIDEO_KEY: True,
        DECK_KEY: False,
    }


def test_the_before_the_meeting_list_is_for_members_only(world):
    with pytest.raises(Edition.DoesNotExist):
        meeting_materials_for_member(
            user=world.participant_b, edition_id=world.edition_a.pk, language="en"
        )


def queries_of(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def test_the_before_the_meeting_list_costs_the_same_for_more_meetings(world):
    def load():
        meeting_materials_for_member(
            user=world.participant_a, edition_id=world.edition_a.pk, language="es"
        )

    load()  # warm the content type and site caches
    few = queries_of(load)
    add_meetings(world, 4)

    assert queries_of(load) == few


# --- Review progress ----------------------------------------------------------


def progress_rows(meeting_progress):
    return {row.material.key: (row.reviewed, row.total) for row in meeting_progress}


def test_progress_counts_each_material_n_of_m_participants(world):
    module = world.topic.get_parent()
    others = [
        ParticipantFactory(enrolment=enrolment_choosing(world.edition_a, module)).user
        for _ in range(2)
    ]
    reviews = [
        (world.participant_a, PUBLICATION_KEY),
        (others[0], PUBLICATION_KEY),
        (others[0], DECK_KEY),
        (world.facilitator, VIDEO_KEY),  # not a participant: not counted
    ]
    for user, key in reviews:
        material_mark_reviewed(
            user=user,
            edition=world.edition_a,
            session_topic=world.topic,
            material_key=key,
        )
    material_mark_reviewed(  # the same topic in another edition
        user=world.participant_b,
        edition=world.edition_b,
        session_topic=world.topic,
        material_key=VIDEO_KEY,
    )

    edition, meetings = review_progress_for_edition(
        user=world.facilitator, edition_id=world.edition_a.pk, language="en"
    )

    assert edition == world.edition_a
    assert progress_rows(meetings[0].materials) == {
        PUBLICATION_KEY: (2, 3),
        VIDEO_KEY: (0, 3),
        DECK_KEY: (1, 3),
    }
    assert meetings[0].materials[0].percent == 67
    single = review_progress_for_meeting(
        user=world.coordinator, meeting_id=world.meeting_a.pk, language="en"
    )
    assert progress_rows(single.materials) == progress_rows(meetings[0].materials)


def test_progress_is_for_facilitators_and_coordinators(world):
    with pytest.raises(PermissionDenied):
        review_progress_for_edition(
            user=world.participant_a, edition_id=world.edition_a.pk, language="en"
        )
    with pytest.raises(Edition.DoesNotExist):
        review_progress_for_edition(
            user=world.participant_b, edition_id=world.edition_a.pk, language="en"
        )
    with pytest.raises(Meeting.DoesNotExist):
        review_progress_for_meeting(
            user=world.facilitator, meeting_id=world.meeting_b.pk, language="en"
        )


def test_progress_costs_the_same_for_more_meetings(world):
    def load():
        review_progress_for_edition(
            user=world.facilitator, edition_id=world.edition_a.pk, language="es"
        )

    load()
    few = queries_of(load)
    add_meetings(world, 4)

    assert queries_of(load) == few


# --- Shared materials ---------------------------------------------------------


def test_hidden_materials_are_listed_for_facilitators_only(world):
    shown = SharedMaterialFactory(edition=world.edition_a)
    hidden = SharedMaterialFactory(edition=world.edition_a, is_hidden=True)
    SharedMaterialFactory(edition=world.edition_b)

    def listed(user):
        return set(
            shared_material_list_for_user(user=user, edition_id=world.edition_a.pk)[1]
        )

    assert listed(world.participant_a) == {shown}
    assert listed(world.facilitator) == {shown, hidden}
    assert listed(world.coordinator) == {shown, hidden}
    with pytest.raises(Edition.DoesNotExist):
        listed(world.participant_b)


def test_a_hidden_material_cannot_be_fetched_by_participants(world):
    hidden = SharedMaterialFactory(edition=world.edition_a, is_hidden=True)

    with pytest.raises(SharedMaterial.DoesNotExist):
        shared_material_get_for_user(user=world.participant_a, pk=hidden.pk)
    assert shared_material_get_for_user(user=world.facilitator, pk=hidden.pk) == hidden


def test_the_shared_list_costs_the_same_for_more_materials(world):
    def load():
        _edition, materials = shared_material_list_for_user(
            user=world.facilitator, edition_id=world.edition_a.pk
        )
        for material in materials:
            str(material.shared_by), str(material.hidden_by)

    SharedMaterialFactory.create_batch(2, edition=world.edition_a)
    load()  # warm the user's permission cache
    few = queries_of(load)
    SharedMaterialFactory.create_batch(
        8, edition=world.edition_a, is_hidden=True, hidden_by=world.facilitator
    )

    assert queries_of(load) == few
