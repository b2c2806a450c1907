"""Forum posts through /api/v1/ in the reader's language: `body_html` is the
post's cooked HTML as written, `language` says which language that is, and
`?translate=es,fr` adds the machine translations made so far."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.forum.models import Post, PostTranslation
from learning.forum.rendering import markdown_render
from learning.forum.services import post_create
from tests.api.roles import PARTICIPANT_A, caller
from tests.factories.forum import PostFactory, ThreadFactory
from tests.learning.forum import translators


@pytest.fixture
def thread(world):
    return ThreadFactory(edition=world.edition_a, title="How do you listen?")


@pytest.fixture(autouse=True)
def counting(settings):
    translators.use(settings, "CountingTranslator")
    translators.CountingTranslator.calls = []
    return translators.CountingTranslator.calls


def _posts_url(thread, **query):
    url = f"/api/v1/forum/threads/{thread.pk}/posts/"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _spanish_post(world, thread, body="Escucho **primero**"):
    return post_create(
        thread=thread, author=world.facilitator, body=body, language="es"
    )


def test_posts_carry_their_cooked_html_and_language(world, thread):
    post = _spanish_post(world, thread)

    body = caller(world, PARTICIPANT_A).get(_posts_url(thread)).json()

    result = body["results"][0]
    assert result["body_html"] == markdown_render(text=post.body_markdown)
    assert result["language"] == "es"
    assert result["translations"] == {}


def test_translate_adds_the_translations_made(
    world, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _spanish_post(world, thread)

    result = (
        caller(world, PARTICIPANT_A)
        .get(_posts_url(thread, translate="en,fr,es"))
        .json()["results"][0]
    )

    assert result["translations"] == {
        "en": "<p>[EN·MT] Escucho <strong>primero</strong></p>",
        "fr": "<p>[FR·MT] Escucho <strong>primero</strong></p>",
    }
    assert result["body_html"] == "<p>Escucho <strong>primero</strong></p>"


def test_translate_asks_for_the_missing_ones_and_the_next_read_has_them(
    world, thread, counting, django_capture_on_commit_callbacks
):
    PostFactory(thread=thread, body_markdown="Antes", language="es")
    api = caller(world, PARTICIPANT_A)

    with django_capture_on_commit_callbacks(execute=True):
        first = api.get(_posts_url(thread, translate="en")).json()
    second = api.get(_posts_url(thread, translate="en")).json()

    assert first["results"][0]["translations"] == {}
    assert counting == [("es", "en")]
    assert second["results"][0]["translations"] == {"en": "<p>[EN·MT] Antes</p>"}


def test_a_failing_translator_leaves_the_original(
    world, thread, settings, django_capture_on_commit_callbacks
):
    translators.use(settings, "FailingTranslator")
    api = caller(world, PARTICIPANT_A)

    with django_capture_on_commit_callbacks(execute=True):
        written = api.post(_posts_url(thread), {"body": "Still here"}, format="json")
        read = api.get(_posts_url(thread, translate="fr"))

    assert written.status_code == 201
    assert read.status_code == 200
    assert read.json()["results"][0]["body_html"] == "<p>Still here</p>"
    assert read.json()["results"][0]["translations"] == {}
    assert not PostTranslation.objects.exists()


def test_an_unknown_language_is_refused(world, thread):
    response = caller(world, PARTICIPANT_A).get(_posts_url(thread, translate="es,xx"))

    assert response.status_code == 400
    assert response.json()["fields"]["translate"][0]["code"] == "invalid_language"


def test_a_post_written_through_the_api_keeps_the_language_given(world, thread):
    api = caller(world, PARTICIPANT_A)

    given = api.post(
        _posts_url(thread), {"body": "Bonjour", "language": "fr"}, format="json"
    )
    from_header = api.post(
        _posts_url(thread), {"body": "Hola"}, format="json", HTTP_ACCEPT_LANGUAGE="es"
    )

    assert given.status_code == from_header.status_code == 201
    assert given.json()["language"] == "fr"
    assert from_header.json()["language"] == "es"
    assert Post.objects.get(pk=given.json()["id"]).body_html == "<p>Bonjour</p>"


def _page_queries(api, url):
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries), response.json()


def test_a_translated_page_costs_the_same_for_10_and_50_posts(world, thread):
    for n in range(60):
        post = PostFactory(thread=thread, body_markdown=f"Texto {n}", language="es")
        PostTranslation.objects.create(
            post=post, language="en", body_html=f"<p>Text {n}</p>"
        )
    api = caller(world, PARTICIPANT_A)
    _page_queries(api, _posts_url(thread))  # warm-up: writes the token's last use

    plain, _ = _page_queries(api, _posts_url(thread, limit=10))
    ten, _first = _page_queries(api, _posts_url(thread, limit=10, translate="en"))
    fifty, second = _page_queries(api, _posts_url(thread, limit=50, translate="en"))

    assert ten == fifty == plain + 1
    assert second["results"][49]["translations"] == {"en": "<p>Text 49</p>"}


def test_the_schema_documents_translate_and_translations(world):
    schema = caller(world, PARTICIPANT_A).get(
        "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )

    text = schema.content.decode()
    assert schema.status_code == 200
    assert "translations" in text
    assert "name: translate" in text or '"name": "translate"' in text
