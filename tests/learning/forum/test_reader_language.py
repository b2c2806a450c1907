"""The forum on /es/: session topics, deadlines and zones in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import translate_questions


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
