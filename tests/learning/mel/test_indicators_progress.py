"""A participant sees their own progress on My programme, counted by the same
selectors as the team's dashboard, and nobody else's."""

import pytest
from django.urls import reverse

from learning.mel.indicators import Rate, participant_progress
from tests.factories.users import UserFactory

from .indicator_world import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def test_progress_counts_only_the_members_own_rows(world):
    a1 = world.people["A"][0]

    progress = participant_progress(user=a1.user, edition=world.edition)

    assert progress.attendance == Rate(part=2, whole=2)
    assert progress.materials == Rate(part=2, whole=3)  # both decks, not deck 3
    assert progress.forum == Rate(part=1, whole=2)
    assert progress.surveys == Rate(part=1, whole=1)


def test_an_organisation_without_module_two_is_not_expected_there(world):
    b2 = world.people["B"][1]

    progress = participant_progress(user=b2.user, edition=world.edition)

    assert progress.attendance == Rate(part=0, whole=0)  # excused at meeting 1
    assert progress.forum.whole == 1


def test_non_members_have_no_progress(world):
    assert participant_progress(user=UserFactory(), edition=world.edition) is None


def test_my_programme_shows_the_progress(client, world):
    c1 = world.people["C"][0]
    client.force_login(c1.user)

    page = client.get(reverse("participants:home")).content.decode()

    section = page.split("data-my-progress")[1].split("</section>")[0]
    assert "Your progress" in page
    assert "Meetings attended" in section
    assert "1 of 2" in section  # present at meeting 1, absent at meeting 2
