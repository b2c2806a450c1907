"""Materials follow the modules chosen: who sees a meeting's materials before it,
and who counts in its review progress.

Edition A meets on a topic of each module. Participant A's organisation chose
modules 1 and 2; organisation C (two people) and organisation D (one) chose
modules 1 and 3. So module 1's meeting expects four people, module 2's one,
module 3's three.
"""

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from learning.catalogue.models import SessionTopicPage
from learning.editions.models import Meeting
from learning.materials.models import MaterialReview
from learning.materials.selectors import (
    meeting_materials_for_member,
    review_progress_for_edition,
    review_progress_for_meeting,
)
from learning.materials.services import material_mark_reviewed
from tests.factories import DocumentFactory, SessionTopicPageFactory
from tests.factories.learning import MeetingFactory, ParticipantFactory
from tests.factories.materials import MaterialReviewFactory
from tests.factories.users import UserFactory

from .conftest import DECK_KEY, VIDEO_KEY, World, enrolment_choosing, materials_of
from .test_selectors import queries_of

pytestmark = pytest.mark.django_db


@dataclass
class Modules:
    world: World
    topics: list[SessionTopicPage]  # one per module, with materials
    meetings: list[Meeting]  # one per module, in module order
    people_c: list[object]
    person_d: object


def topic_with_materials(world: World, module) -> SessionTopicPage:
    return SessionTopicPageFactory(
        parent=module,
        title=f"Materials of {module.title}",
        materials=materials_of(
            publication=world.publication, video=world.video, document=DocumentFactory()
        ),
    )


def organisation(edition, modules, count: int) -> list[object]:
    """`count` people of one organisation that chose `modules`."""
    enrolment = enrolment_choosing(edition, *modules)
    return [ParticipantFactory(enrolment=enrolment).user for _ in range(count)]


@pytest.fixture
def modules(world, site) -> Modules:
    edition = world.edition_a
    one, two, three = site.modules
    # Participant A's organisation chose module 1 (conftest); it adds module 2.
    world.participant_a.participations.get().enrolment.modules.add(two)
    topics = [world.topic, topic_with_materials(world, two)]
    topics.append(topic_with_materials(world, three))
    meetings = [world.meeting_a]
    meetings += [MeetingFactory(edition=edition, session_topic=t) for t in topics[1:]]
    return Modules(
        world=world,
        topics=topics,
        meetings=meetings,
        people_c=organisation(edition, [one, three], 2),
        person_d=organisation(edition, [one, three], 1)[0],
    )


def shown_meetings(user, edition) -> set[int]:
    _edition, meetings = meeting_materials_for_member(
        user=user, edition_id=edition.pk, language="en"
    )
    return {item.meeting.pk for item in meetings}


def mark(user, modules: Modules, module_index: int, key: str = VIDEO_KEY) -> None:
    material_mark_reviewed(
        user=user,
        edition=modules.world.edition_a,
        session_topic=modules.topics[module_index],
        material_key=key,
    )


# --- Before the meeting -------------------------------------------------------


def test_a_participant_sees_only_the_meetings_of_the_modules_chosen(modules):
    world = modules.world
    one, two, three = (meeting.pk for meeting in modules.meetings)

    assert shown_meetings(world.participant_a, world.edition_a) == {one, two}
    assert shown_meetings(modules.people_c[0], world.edition_a) == {one, three}


def test_facilitators_and_coordinators_see_every_meeting(modules):
    world = modules.world
    every = {meeting.pk for meeting in modules.meetings}

    assert shown_meetings(world.facilitator, world.edition_a) == every
    assert shown_meetings(world.coordinator, world.edition_a) == every


def test_a_module_chosen_later_shows_its_meeting(modules, site):
    world = modules.world
    world.participant_a.participations.get().enrolment.modules.add(site.modules[2])

    shown = shown_meetings(world.participant_a, world.edition_a)
    assert modules.meetings[2].pk in shown


def test_a_participant_cannot_mark_a_material_of_a_module_not_chosen(modules):
    with pytest.raises(ValidationError) as error:
        mark(modules.world.participant_a, modules, 2)

    assert error.value.code == "module_not_chosen"
    assert not MaterialReview.objects.exists()
    mark(modules.people_c[0], modules, 2)  # organisation C chose module 3
    mark(modules.world.facilitator, modules, 2)  # staff review every meeting
    assert MaterialReview.objects.count() == 2


def test_the_list_costs_the_same_for_more_organisations_and_modules(modules, site):
    world = modules.world

    def load():
        meeting_materials_for_member(
            user=world.participant_a, edition_id=world.edition_a.pk, language="en"
        )

    load()
    few = queries_of(load)
    organisation(world.edition_a, site.modules, 3)
    world.participant_a.participations.get().enrolment.modules.add(site.modules[2])
    MeetingFactory(edition=world.edition_a, session_topic=modules.topics[2])

    assert queries_of(load) == few


# --- Review progress ----------------------------------------------------------


def progress_of(user, modules: Modules) -> dict[int, dict[str, tuple[int, int]]]:
    """Per meeting pk: each material's (reviewed, expected)."""
    _edition, meetings = review_progress_for_edition(
        user=user, edition_id=modules.world.edition_a.pk, language="en"
    )
    return {
        item.meeting.pk: {
            row.material.key: (row.reviewed, row.total) for row in item.materials
        }
        for item in meetings
    }


def test_progress_counts_only_the_people_expected_at_the_meeting(modules):
    world = modules.world
    mark(modules.people_c[0], modules, 2)
    mark(modules.person_d, modules, 2)
    # A mark left from before participant A's organisation dropped module 3:
    # participant A is not expected at that meeting, so it counts nowhere.
    MaterialReviewFactory(
        user=world.participant_a,
        edition=world.edition_a,
        session_topic=modules.topics[2],
        material_key=VIDEO_KEY,
    )
    mark(world.participant_a, modules, 0)

    progress = progress_of(world.facilitator, modules)

    one, two, three = (progress[meeting.pk] for meeting in modules.meetings)
    assert three[VIDEO_KEY] == (2, 3)
    assert three[DECK_KEY] == (0, 3)
    assert one[VIDEO_KEY] == (1, 4)
    assert two[VIDEO_KEY] == (0, 1)
    single = review_progress_for_meeting(
        user=world.coordinator, meeting_id=modules.meetings[2].pk, language="en"
    )
    assert (single.participants, single.materials[1].reviewed) == (3, 2)


def test_someone_who_leaves_is_no_longer_expected(modules):
    mark(modules.people_c[0], modules, 2)
    mark(modules.person_d, modules, 2)
    leaving = modules.person_d.participations.get()
    leaving.is_active = False
    leaving.save()

    three = progress_of(modules.world.facilitator, modules)[modules.meetings[2].pk]

    assert three[VIDEO_KEY] == (1, 2)


def test_progress_costs_the_same_for_more_people_and_marks(modules, site):
    world = modules.world

    def load():
        progress_of(world.facilitator, modules)

    load()
    few = queries_of(load)
    for person in organisation(world.edition_a, site.modules, 4):
        mark(person, modules, 1)
        mark(person, modules, 2, key=DECK_KEY)

    assert queries_of(load) == few


# --- Through the pages --------------------------------------------------------


def test_the_page_shows_no_meeting_of_a_module_not_chosen(client, modules):
    world = modules.world
    client.force_login(world.participant_a)

    page = client.get(reverse("materials:edition", args=[world.edition_a.pk])).text

    assert f'data-meeting="{modules.meetings[0].pk}"' in page
    assert f'data-meeting="{modules.meetings[1].pk}"' in page
    assert f'data-meeting="{modules.meetings[2].pk}"' not in page
    assert modules.topics[2].title not in page


def test_marking_a_material_of_a_module_not_chosen_is_not_found(client, modules):
    world = modules.world
    client.force_login(world.participant_a)

    response = client.post(
        reverse("materials:review", args=[world.edition_a.pk]),
        {"session_topic": modules.topics[2].pk, "material": VIDEO_KEY, "reviewed": "1"},
    )

    assert response.status_code == 404
    assert not MaterialReview.objects.exists()


def test_the_progress_page_says_2_of_3_for_the_people_expected(client, modules):
    world = modules.world
    mark(modules.people_c[0], modules, 2)
    mark(modules.person_d, modules, 2)
    client.force_login(world.facilitator)

    page = client.get(reverse("materials:progress", args=[world.edition_a.pk])).text

    section = page.split(f'data-meeting="{modules.meetings[2].pk}"')[1]
    section = section.split("data-meeting=")[0]
    assert "2 of 3 participants reviewed it" in section
    assert "0 of 3 participants reviewed it" in section
    assert "of 4 participants" not in section


def test_a_new_user_without_a_place_sees_nothing(client, modules):
    client.force_login(UserFactory())

    response = client.get(
        reverse("materials:edition", args=[modules.world.edition_a.pk])
    )

    assert response.status_code == 404
