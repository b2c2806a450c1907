"""Cooked posts: the sanitised HTML is made when a post is written or edited,
stored with it and served as is; a command re-cooks posts stored under older
sanitiser rules; a thread page costs the same queries whatever its size."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from learning.forum import rendering
from learning.forum.models import Post, PostTranslation
from learning.forum.rendering import markdown_render
from learning.forum.services import post_create, post_edit
from tests.factories.forum import PostFactory

TEXTS = [
    "Plain words.",
    "**Bold**, *italic*, `code` and [a link](https://example.org/x?a=1&b=2)",
    "- one\n- two\n\n1. first\n2. second",
    "> quoted\n\nreply <script>alert(1)</script> <b>not bold</b>",
    "line one\nline two\n\n    indented code",
    "[bad](javascript:alert(1)) and <img src=x onerror=alert(1)>",
]


def _thread_url(thread, language="en"):
    with translation.override(language):
        return reverse("forum:thread", kwargs={"pk": thread.pk})


@pytest.mark.parametrize("text", TEXTS)
def test_cooked_html_equals_a_fresh_render_of_the_stored_markdown(world, text):
    thread = world.thread(world.edition_a)
    author = world.participant_a.user

    written = post_create(thread=thread, author=author, body=text)
    edited = post_create(thread=thread, author=author, body="draft")
    post_edit(post=edited, actor=author, body=text)

    for post in (written, edited):
        stored = Post.objects.get(pk=post.pk)
        assert stored.cooked_version == rendering.COOK_VERSION
        assert stored.body_html == markdown_render(text=stored.body_markdown)


def test_a_thread_page_serves_the_stored_html_without_markdown_work(
    client, world, monkeypatch
):
    thread = world.thread(world.edition_a)
    post = post_create(thread=thread, author=world.colleague_a.user, body="**Hi**")
    Post.objects.filter(pk=post.pk).update(body_html="<p>As stored</p>")

    def no_markdown(*args, **kwargs):
        raise AssertionError("a cooked post was rendered again on reading")

    monkeypatch.setattr(rendering.markdown, "markdown", no_markdown)
    client.force_login(world.participant_a.user)
    html = client.get(_thread_url(thread)).text

    assert "<p>As stored</p>" in html
    assert "<strong>Hi</strong>" not in html


def test_a_post_never_cooked_is_rendered_on_reading(client, world):
    thread = world.thread(world.edition_a)
    PostFactory(thread=thread, body_markdown="Bulk *loaded*")
    client.force_login(world.participant_a.user)

    html = client.get(_thread_url(thread)).text

    assert "<p>Bulk <em>loaded</em></p>" in html


def test_the_command_recooks_posts_and_translations_under_new_rules(world, monkeypatch):
    thread = world.thread(world.edition_a)
    author = world.participant_a.user
    old = [
        post_create(thread=thread, author=author, body=f"**{n}** ok") for n in (1, 2)
    ]
    PostTranslation.objects.create(
        post=old[0], language="es", body_html="<p><strong>1</strong> bien</p>"
    )
    never = PostFactory(thread=thread, body_markdown="**never** cooked")
    # The rules change: <strong> is no longer allowed, and the version says so.
    monkeypatch.setattr(rendering, "COOK_VERSION", rendering.COOK_VERSION + 1)
    monkeypatch.setattr(rendering, "ALLOWED_TAGS", rendering.ALLOWED_TAGS - {"strong"})
    current = post_create(thread=thread, author=author, body="**current**")
    Post.objects.filter(pk=current.pk).update(body_html="<p>left alone</p>")
    out = StringIO()

    call_command("forum_cook_posts", stdout=out)

    for post in [*old, never]:
        post.refresh_from_db()
        assert post.cooked_version == rendering.COOK_VERSION
        assert "<strong>" not in post.body_html
        assert post.body_html == markdown_render(text=post.body_markdown)
    current.refresh_from_db()
    assert current.body_html == "<p>left alone</p>"
    translated = PostTranslation.objects.get(post=old[0])
    assert translated.body_html == "<p>1 bien</p>"
    assert translated.cooked_version == rendering.COOK_VERSION
    assert "posts: [" in out.getvalue() and "3/3" in out.getvalue()
    assert "3 post(s) and 1 translation(s) cooked again." in out.getvalue()


def test_the_migration_cooks_the_posts_written_before_cooking(world):
    author = world.participant_a.user
    author.preferred_language = "es"
    author.save()
    post = PostFactory(author=author, body_markdown="*old* post")
    migration = importlib.import_module(
        "learning.forum.migrations.0006_cook_existing_posts"
    )

    migration.cook_existing_posts(apps, None)

    post.refresh_from_db()
    assert post.body_html == "<p><em>old</em> post</p>"
    assert post.cooked_version == rendering.COOK_VERSION
    assert post.language == "es"


def _thread_page_queries(client, thread, count, author):
    Post.objects.filter(thread=thread).delete()
    for n in range(count):
        post = post_create(
            thread=thread, author=author, body=f"Respuesta **{n}**", language="es"
        )
        if n % 2:  # half of them translated already
            PostTranslation.objects.create(
                post=post, language="en", body_html=f"<p>Answer {n}</p>"
            )
    client.get(_thread_url(thread))  # warm-up (sessions, sites, caches)
    with CaptureQueriesContext(connection) as context:
        response = client.get(_thread_url(thread))
    assert response.status_code == 200
    assert response.text.count("data-post=") == count
    return len(context.captured_queries)


def test_a_thread_page_costs_the_same_queries_for_4_and_20_posts(client, world):
    thread = world.thread(world.edition_a)
    client.force_login(world.participant_a.user)
    author = world.colleague_a.user

    few = _thread_page_queries(client, thread, 4, author)
    many = _thread_page_queries(client, thread, 20, author)

    assert few == many
