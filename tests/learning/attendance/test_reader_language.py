"""Attendance pages name each meeting's session topic in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale


@pytest.fixture
def spanish_topic(world):
    """The meetings' session topic, published in Spanish with its own title."""
    topic = world.meeting_a.session_topic
    es = Locale.objects.get_or_create(language_code="es")[0]
    spanish = topic.copy_for_translation(es, copy_parents=True)
    spanish.title = "Escuchar en español"
    spanish.save_revision().publish()
    return topic


def es_url(name: str, **kwargs) -> str:
    with translation.override("es"):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    ("who", "page"),
    [
        ("facilitator", "attendance:meetings"),
        ("facilitator", "attendance:sheet"),
        ("participant_a", "attendance:mine"),
    ],
)
def test_the_topic_is_shown_in_spanish(client, world, spanish_topic, who, page):
    user = getattr(world, who)
    client.force_login(getattr(user, "user", user))
    kwargs = {"meeting_id": world.meeting_a.pk} if page == "attendance:sheet" else {}

    html = client.get(es_url(page, **kwargs)).text

    assert "Escuchar en español" in html
    assert spanish_topic.title not in html
