"""Facilitators and coordinators open free-standing threads from the forum page;
participants see no form and are refused, non-members get a 404."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from learning.forum.models import Thread

from .conftest import finish_edition


def _create_url(edition) -> str:
    return reverse("forum:thread-create", kwargs={"edition_id": edition.pk})


def _index(client, edition) -> BeautifulSoup:
    response = client.get(reverse("forum:index", kwargs={"edition_id": edition.pk}))
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("who", ["facilitator", "coordinator"])
def test_a_moderator_opens_a_thread_and_lands_on_it(client, world, who):
    client.force_login(getattr(world, who))

    form = _index(client, world.edition_a).select_one("[data-thread-create] form")
    response = client.post(
        _create_url(world.edition_a),
        {"title": "Coffee corner", "mode": "normal"},
        follow=True,
    )

    thread = Thread.objects.get(edition=world.edition_a, title="Coffee corner")
    assert form is not None
    assert thread.session_topic is None
    assert response.redirect_chain[-1][0].endswith(
        reverse("forum:thread", kwargs={"pk": thread.pk})
    )
    listed = _index(client, world.edition_a).select(f"[data-thread='{thread.pk}']")
    assert listed


def test_a_participant_sees_no_form_and_is_refused(client, world):
    client.force_login(world.participant_a.user)
    before = Thread.objects.count()

    form = _index(client, world.edition_a).select_one("[data-thread-create]")
    response = client.post(
        _create_url(world.edition_a), {"title": "Mine", "mode": "normal"}
    )

    assert form is None
    assert response.status_code == 403
    assert Thread.objects.count() == before


def test_a_facilitator_of_another_edition_gets_a_404(client, world):
    client.force_login(world.facilitator)
    before = Thread.objects.count()

    response = client.post(
        _create_url(world.edition_b), {"title": "Elsewhere", "mode": "normal"}
    )

    assert response.status_code == 404
    assert Thread.objects.count() == before


def test_a_blank_title_shows_the_error_on_the_form(client, world):
    client.force_login(world.facilitator)

    response = client.post(
        _create_url(world.edition_a), {"title": "  ", "mode": "normal"}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 400
    assert soup.select_one("[data-thread-create] .field--error")


def test_a_finished_editions_forum_offers_no_form_and_refuses(client, world):
    finish_edition(world.edition_a)
    client.force_login(world.facilitator)

    form = _index(client, world.edition_a).select_one("[data-thread-create]")
    response = client.post(
        _create_url(world.edition_a), {"title": "Too late", "mode": "normal"}
    )

    assert form is None
    assert response.status_code == 400
    assert "has finished" in response.text
    assert not Thread.objects.filter(title="Too late").exists()
