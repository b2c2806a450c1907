"""The forum on /es/: session topics, deadlines and zones in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from learning.forum.services import forum_digest_send, post_create
from tests.factories.users import UserFactory

from .conftest import QUESTIONS, translate_questions


def url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def spanish_reader(client, world):
    """Participant A in Bogotá, the topic and its questions translated."""
    spanish = translate_questions(world.topic, ["¿Cuándo?", "¿Y ahora?"])
    spanish.title = "Escuchar en español"
    spanish.save_revision().publish()
    user = world.participant_a.user
    user.time_zone = "America/Bogota"
    user.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize("page", ["index", "thread"])
def test_topic_and_deadline_are_in_spanish(spanish_reader, world, page):
    if page == "index":
        address = url("forum:index", "es", edition_id=world.edition_a.pk)
    else:
        thread = world.thread(world.edition_a)
        address = url("forum:thread", "es", pk=thread.pk)

    html = spanish_reader.get(address).text

    assert "Escuchar en español" in html
    assert "Responda antes de Escuchar en español" in html
    assert "(hora de Colombia)" in html
    assert world.topic.title not in html
    assert "America/Bogota" not in html


def test_the_post_edit_page_shows_the_question_in_spanish(spanish_reader, world):
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="Mi respuesta",
    )

    html = spanish_reader.get(url("forum:post-edit", "es", pk=post.pk)).text

    assert "¿Cuándo?" in html
    assert QUESTIONS[0] not in html


def test_the_digest_heading_shows_each_question_in_the_readers_language(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    translate_questions(world.topic, ["¿Cuándo?", "¿Y ahora?"])
    spanish = UserFactory(email="facilitadora@example.org", preferred_language="es")
    world.edition_a.facilitators.add(spanish)
    for index, author in enumerate([world.participant_a, world.colleague_a]):
        post_create(
            thread=world.thread(world.edition_a, index),
            author=author.user,
            body=f"Answer {index}",
        )

    with django_capture_on_commit_callbacks(execute=True):
        forum_digest_send(meeting=world.meeting_a, now=timezone.now())

    by_reader = {message.to[0]: message for message in mailoutbox}
    spanish_mail = by_reader["facilitadora@example.org"]
    english_mail = by_reader["facilitator@example.org"]
    spanish_html = spanish_mail.alternatives[0][0]
    assert "== ¿Cuándo?" in spanish_mail.body
    assert "== ¿Y ahora?" in spanish_mail.body
    assert "<h2" in spanish_html
    assert "¿Cuándo?" in spanish_html
    assert QUESTIONS[0] not in spanish_mail.body + spanish_html
    assert f"== {QUESTIONS[0]}" in english_mail.body
