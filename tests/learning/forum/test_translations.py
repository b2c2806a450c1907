"""Forum posts in the reader's language: a post keeps its author's language, a
reader of another language reads a machine translation made once per post and
language (edits remake it), and a failing translator never blocks anyone."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from learning.core.personal_data import Person
from learning.forum.models import Post, PostTranslation
from learning.forum.personal_data import posts_erase
from learning.forum.services import forum_digest_send, post_create, post_edit
from learning.forum.services.translations import post_translation_make
from tests.factories.forum import PostFactory

from . import translators


def url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def _read(client, world, language: str) -> str:
    """The edition A's first thread's page on /<language>/."""
    thread = world.thread(world.edition_a)
    return client.get(url("forum:thread", language, pk=thread.pk)).text


@pytest.fixture
def counting(settings):
    translators.use(settings, "CountingTranslator")
    translators.CountingTranslator.calls = []
    return translators.CountingTranslator.calls


def _write(world, body="I listen **first**.", *, author=None, language="", run=None):
    author = author or world.participant_a.user
    thread = world.thread(world.edition_a)
    if run is None:
        return post_create(thread=thread, author=author, body=body, language=language)
    with run(execute=True):
        return post_create(thread=thread, author=author, body=body, language=language)


# The post's language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "preferred", "expected"),
    [
        ("es", "en", "es"),  # the site's language while writing
        ("es-419", "en", "es"),  # a regional variant of an offered language
        ("", "fr", "fr"),  # none given: the author's preferred language
        ("de", "fr", "fr"),  # not offered by the site: the preferred one
    ],
)
def test_a_post_is_in_the_language_its_author_writes_in(
    world, given, preferred, expected
):
    author = world.participant_a.user
    author.preferred_language = preferred
    author.save()

    post = _write(world, author=author, language=given)

    assert Post.objects.get(pk=post.pk).language == expected


# Made once, sanitised, remade after an edit ------------------------------------------


def test_each_translation_is_made_once_per_post_and_language(
    world, counting, django_capture_on_commit_callbacks
):
    post = _write(world, language="en", run=django_capture_on_commit_callbacks)

    # Written: one translation into each other language of the site.
    assert sorted(counting) == [("en", "es"), ("en", "fr")]
    spanish = PostTranslation.objects.get(post=post, language="es")
    assert spanish.body_html.startswith("<p>[ES·MT] I listen <strong>first")

    again = post_translation_make(post_id=post.pk, language="es")
    same_language = post_translation_make(post_id=post.pk, language="en")

    assert again == spanish
    assert same_language is None
    assert len(counting) == 2


def test_a_translation_is_sanitised_like_the_post(
    world, settings, django_capture_on_commit_callbacks
):
    translators.use(settings, "HostileTranslator")

    post = _write(world, language="en", run=django_capture_on_commit_callbacks)

    html = PostTranslation.objects.get(post=post, language="es").body_html
    assert "Hola" in html
    for banned in ("script", "alert", "onclick", "javascript", "<img", "style"):
        assert banned not in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow noopener ugc"' in html


def test_an_edit_remakes_the_translations(
    world, counting, django_capture_on_commit_callbacks
):
    post = _write(world, "Old words", language="en")
    post_translation_make(post_id=post.pk, language="es")

    with django_capture_on_commit_callbacks(execute=True):
        post_edit(post=post, actor=world.participant_a.user, body="New words")

    spanish = PostTranslation.objects.get(post=post, language="es").body_html
    assert "New words" in spanish
    assert "Old words" not in spanish


def test_a_translation_of_text_edited_meanwhile_is_thrown_away(world, settings):
    post = _write(world, "First text", language="en")
    translators.use(settings, "EditedMeanwhileTranslator")

    made = post_translation_make(post_id=post.pk, language="es")

    assert made is None
    assert not PostTranslation.objects.filter(post=post).exists()


def test_erasing_the_author_removes_cooked_text_and_translations(
    world, counting, django_capture_on_commit_callbacks
):
    post = _write(world, "Private story", run=django_capture_on_commit_callbacks)
    assert PostTranslation.objects.filter(post=post).exists()

    user = world.participant_a.user
    posts_erase(Person(user.email, user, "erased@example.org", "Erased"))

    post.refresh_from_db()
    assert post.body_html == ""
    assert not PostTranslation.objects.filter(post=post).exists()


# A failing translator ----------------------------------------------------------------


def test_a_failing_translator_blocks_neither_writing_nor_reading(
    client, world, settings, django_capture_on_commit_callbacks
):
    translators.use(settings, "FailingTranslator")
    client.force_login(world.participant_a.user)
    thread = world.thread(world.edition_a)

    with django_capture_on_commit_callbacks(execute=True):
        written = client.post(
            url("forum:reply", "en", pk=thread.pk), {"body": "Written while down"}
        )
    client.force_login(world.colleague_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        read = client.get(url("forum:thread", "fr", pk=thread.pk))

    assert written.status_code == 302
    post = Post.objects.get(thread=thread)
    assert post.body_html == "<p>Written while down</p>"
    assert not PostTranslation.objects.exists()
    assert read.status_code == 200
    html = read.text
    assert "Written while down" in html
    assert "data-post-untranslated" in html
    assert "data-post-translation" not in html


# Reading -----------------------------------------------------------------------------


def test_a_reader_of_another_language_reads_the_translation_with_the_original_at_hand(
    client, world, counting, django_capture_on_commit_callbacks
):
    _write(
        world,
        "Escucho **primero**.",
        author=world.colleague_a.user,
        language="es",
        run=django_capture_on_commit_callbacks,
    )
    client.force_login(world.participant_a.user)

    html = _read(client, world, "en")

    assert "Translated from Spanish — show original" in html
    assert "Translated from Spanish — show translation" in html
    assert 'lang="es" data-post-original><p>Escucho' in html
    assert 'lang="en" data-post-body><p>[EN·MT] Escucho' in html
    assert "data-post-untranslated" not in html


def test_a_reader_of_the_posts_language_reads_it_as_written(
    client, world, counting, django_capture_on_commit_callbacks
):
    _write(world, "Plain words", language="en", run=django_capture_on_commit_callbacks)
    client.force_login(world.colleague_a.user)

    html = _read(client, world, "en")

    assert 'lang="en" data-post-body><p>Plain words</p>' in html
    assert "MT]" not in html
    assert "Translated from" not in html


def test_reading_asks_for_the_translations_nobody_made_yet(
    client, world, counting, django_capture_on_commit_callbacks
):
    thread = world.thread(world.edition_a)
    older = PostFactory(thread=thread, body_markdown="Antes de todo", language="es")
    client.force_login(world.participant_a.user)
    address = url("forum:thread", "en", pk=thread.pk)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(address).text
    second = client.get(address).text

    assert "Antes de todo" in first
    assert "data-post-untranslated" in first
    assert "Not translated into your language yet" in first
    assert counting == [("es", "en")]
    assert PostTranslation.objects.filter(post=older, language="en").exists()
    assert "[EN·MT] Antes de todo" in second


def test_without_a_translator_posts_show_as_written_without_a_note(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    run = django_capture_on_commit_callbacks
    _write(world, "Sin traductor", language="es", run=run)
    client.force_login(world.colleague_a.user)

    html = _read(client, world, "en")

    assert "Sin traductor" in html
    assert "data-post-untranslated" not in html
    assert not PostTranslation.objects.exists()


def test_a_site_can_turn_forum_translation_off(
    world, counting, settings, django_capture_on_commit_callbacks
):
    settings.LEARNING_FORUM_TRANSLATION = False

    post = _write(world, language="en", run=django_capture_on_commit_callbacks)

    assert counting == []
    assert post_translation_make(post_id=post.pk, language="es") is None


def test_a_spanish_reader_is_told_in_spanish(
    client, world, counting, django_capture_on_commit_callbacks
):
    """Needs the Spanish catalogue with this feature's strings."""
    _write(world, "In English", language="en", run=django_capture_on_commit_callbacks)
    client.force_login(world.colleague_a.user)

    html = _read(client, world, "es")

    assert "Traducido del inglés — mostrar original" in html
    assert "[ES·MT] In English" in html


# The facilitators' digest ------------------------------------------------------------


def test_the_digest_carries_answers_in_the_facilitators_language(
    world, counting, mailoutbox, django_capture_on_commit_callbacks
):
    world.facilitator.preferred_language = "fr"
    world.facilitator.save()
    # Written before any translation could be made (e.g. while the service was down).
    _write(world, "My **answer**", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        forum_digest_send(meeting=world.meeting_a, now=timezone.now())

    message = mailoutbox[0]
    html = message.alternatives[0][0]
    assert "[FR·MT] My answer" in message.body
    assert "My **answer**" in message.body  # the original, beside it
    assert "<p>[FR·MT] My <strong>answer</strong></p>" in html
    assert 'lang="en"' in html
    assert counting == [("en", "fr")]
