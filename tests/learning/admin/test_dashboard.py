"""The coordinators' dashboard panel: meetings soon and places of open editions."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from learning.editions.admin_panels import LearningDashboardPanel
from tests.factories.learning import EditionFactory, EnrolmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _soon(days: float):
    return timezone.now() + timedelta(days=days)


def test_the_home_page_shows_meetings_soon_and_places(coordinator_client, edition):
    MeetingFactory(edition=edition, title="Kick-off call", starts_at=_soon(3))
    MeetingFactory(edition=edition, title="Far away call", starts_at=_soon(20))
    EnrolmentFactory.create_batch(2, edition=edition)
    EditionFactory(
        title="Closed edition",
        enrolment_opens_at=_soon(-30),
        enrolment_closes_at=_soon(-1),
    )

    content = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Kick-off call" in content
    assert "Far away call" not in content
    assert f"{edition.title}" in content
    assert "2 of 15" in content
    assert "Closed edition" not in content


def test_an_editor_does_not_get_the_panel(client, editor, edition):
    MeetingFactory(edition=edition, title="Kick-off call", starts_at=_soon(3))
    client.force_login(editor)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Kick-off call" not in content


def _render(user) -> str:
    request = RequestFactory().get("/admin/")
    request.user = user
    return LearningDashboardPanel(user=user).render_html({"request": request})


@pytest.mark.parametrize("rows", [1, 6])
def test_the_panel_costs_the_same_few_queries(
    coordinator, tree, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        edition = EditionFactory(programme=tree.programme)
        EnrolmentFactory(edition=edition)
        MeetingFactory(
            edition=edition, session_topic=tree.topics[1][0], starts_at=_soon(2)
        )
    _render(coordinator)  # the user's permissions are cached from here on

    with django_assert_max_num_queries(2):
        html = _render(coordinator)

    assert html.count(tree.topics[1][0].title) == rows
