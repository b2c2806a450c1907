"""Background tasks of the forum: its emails and posts' machine translations.

They take ids, never objects.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from learning.core.types import AuthUser
from learning.editions.models import Meeting
from learning.editions.selectors import meeting_titles_localize
from learning.enrolments.membership import edition_role_for_user
from learning.notifications.emails import email_language, email_send, site_url
from learning.participants.selectors import participant_time_zone

from .digests import meeting_digest_sections
from .models import Post, ThreadFollow
from .selectors import post_author_name, post_list_for_thread, thread_views
from .selectors.readings import PostReading, post_needs_translation, post_readings


@dataclass(frozen=True)
class DigestAnswer:
    """One answer in a facilitator's digest, in the facilitator's language."""

    post: Post
    author_name: str
    thread_title: str
    reading: PostReading


@task()
def forum_post_translate(*, post_id: int, language: str) -> bool:
    """Make the post's machine translation into `language`; whether one exists."""
    # Imported here: the services enqueue this task, so they import this module.
    from .services.translations import post_translation_make

    return post_translation_make(post_id=post_id, language=language) is not None


@task()
def forum_reply_email_send(*, post_id: int) -> int:
    """Email the thread's followers a new reply they may read; returns emails sent."""
    post = (
        Post.objects.select_related(
            "thread__edition", "thread__session_topic", "author", "participant"
        )
        .filter(pk=post_id, is_hidden=False)
        .first()
    )
    if post is None:
        return 0
    thread = post.thread
    follows = ThreadFollow.objects.filter(thread=thread).exclude(user=post.author)
    sent = 0
    for follow in follows.select_related("user"):
        reader = follow.user
        # People who left the edition, or may not read the post yet ("post
        # first" mode), are not sent it.
        if edition_role_for_user(user=reader, edition=thread.edition) is None:
            continue
        if not post_list_for_thread(user=reader, thread=thread).filter(pk=post.pk):
            continue
        language = _language_of(reader)
        email_send(
            template="forum_reply",
            to=[reader.email],
            language=language,
            context={
                "post": post,
                "thread": thread,
                "thread_title": thread_views(threads=[thread], language=language)[
                    0
                ].title,
                "edition": thread.edition,
                "author_name": post_author_name(post=post),
                "thread_url": _url("forum:thread", language, pk=thread.pk),
            },
        )
        sent += 1
    return sent


@task()
def forum_digest_email_send(
    *, meeting_id: int, post_ids: list[int], user_ids: list[int]
) -> int:
    """Email each facilitator one digest of the answers before the meeting."""
    meeting = Meeting.objects.select_related("edition", "session_topic").get(
        pk=meeting_id
    )
    posts = list(
        Post.objects.filter(pk__in=post_ids)
        .select_related(
            "thread__session_topic", "author", "participant__enrolment__organisation"
        )
        .order_by("thread_id", "created_at", "pk")
    )
    users = list(get_user_model().objects.filter(pk__in=user_ids, is_active=True))
    # What other apps add (the participants' readiness), once per language.
    sections = meeting_digest_sections(
        meeting=meeting, users=users, language_of=_language_of
    )
    for user in users:
        language = _language_of(user)
        with translation.override(email_language(language=language)):
            meeting_titles_localize(meetings=[meeting])
        email_send(
            template="forum_digest",
            to=[user.email],
            language=language,
            context={
                "meeting": meeting,
                "edition": meeting.edition,
                "time_zone": participant_time_zone(user=user, edition=meeting.edition),
                "answers": _answers(posts=posts, language=language),
                "sections": sections.get(user.pk, []),
                "forum_url": _url(
                    "forum:index", language, edition_id=meeting.edition_id
                ),
            },
        )
    return len(users)


def _answers(*, posts: list[Post], language: str) -> list[DigestAnswer]:
    """The answers with their question and text in `language` for the digest."""
    from .services.translations import post_translation_make

    threads = list({post.thread_id: post.thread for post in posts}.values())
    titles = {
        view.thread.pk: view.title
        for view in thread_views(threads=threads, language=language)
    }
    # A task already: translations still missing are made now (once per post and
    # language); a failing translator leaves the original, with a note.
    for post in posts:
        if post_needs_translation(post=post, language=language):
            post_translation_make(post_id=post.pk, language=language)
    readings = post_readings(posts=posts, language=language)
    return [
        DigestAnswer(
            post=post,
            author_name=post_author_name(post=post),
            thread_title=titles[post.thread_id],
            reading=readings[post.pk],
        )
        for post in posts
    ]


def _language_of(user: AuthUser) -> str:
    return email_language(language=getattr(user, "preferred_language", "") or "")


def _url(name: str, language: str, **kwargs: int) -> str:
    with translation.override(language):
        return site_url() + reverse(name, kwargs=kwargs)
