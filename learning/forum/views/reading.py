"""Reading the forum: the thread list of an edition and one thread with its posts."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from learning.editions.models import Edition
from learning.participants.selectors import participant_time_zone

from ..enums import ThreadMode
from ..forms import FlagForm, PostForm, ThreadForm
from ..models import Post, Thread
from ..permissions import forum_can_moderate
from ..rendering import markdown_quote
from ..selectors import (
    forum_is_read_only,
    post_author_name,
    post_get_for_user,
    post_page_for_thread,
    thread_is_followed,
    thread_page_for_reader,
    thread_user_has_posted,
    thread_views,
)
from ..selectors.readings import post_readings
from ..services import (
    post_can_edit,
    thread_ensure_for_edition,
)
from ..services.translations import post_translations_request
from .base import _edition_get, _language, _thread_get


@never_cache
@login_required
@require_GET
def forum_index(request: HttpRequest, edition_id: int) -> HttpResponse:
    """The edition's threads, cursor-paged: for participants those of their
    modules, nearest "answer before" deadline first (`?scope=all` shows every
    module); for facilitators and coordinators all, latest activity first.

    Access: signed-in members of the edition (participants, its facilitators,
    coordinators); others get a 404.
    """
    edition = _edition_get(request, edition_id)
    # Threads open lazily here: questions are added to session topic pages after
    # meetings are planned, and this keeps both in step (idempotent, 3 queries).
    thread_ensure_for_edition(edition=edition)
    return _index_render(request, edition, thread_form=ThreadForm())


def _index_render(
    request: HttpRequest,
    edition: Edition,
    *,
    thread_form: ThreadForm,
    status: int = 200,
) -> HttpResponse:
    page = thread_page_for_reader(
        user=request.user,
        edition=edition,
        ordering=request.GET.get("ordering", ""),
        scope=request.GET.get("scope", ""),
        cursor=request.GET.get("cursor", ""),
        language=_language(),
    )
    return render(
        request,
        "learning/forum/index.html",
        {
            "edition": edition,
            "listing": page,
            "scope": page.extra["scope"],
            "ordering": page.extra["ordering"],
            "time_zone": participant_time_zone(user=request.user, edition=edition),
            "can_moderate": forum_can_moderate(user=request.user, edition=edition),
            "is_read_only": forum_is_read_only(edition=edition),
            "thread_form": thread_form,
        },
        status=status,
    )


@never_cache
@login_required
@require_GET
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One thread: its question, its posts (cursor-paged) and the reply form.

    Access: signed-in members of the thread's edition; others get a 404. In "post
    first" mode participants see others' posts once they have posted.
    """
    thread = _thread_get(request, pk)
    quoted = _quotable_get(request, thread, request.GET.get("quote", ""))
    form = PostForm(
        initial={
            "body": markdown_quote(text=quoted.body_markdown) if quoted else "",
            "quote": quoted.pk if quoted else None,
        }
    )
    return _thread_render(request, thread, form=form)


def _quotable_get(request: HttpRequest, thread: Thread, value: str) -> Post | None:
    """The post the reader asked to quote, when it is in the thread and readable."""
    if not value.isdigit():
        return None
    try:
        post = post_get_for_user(user=request.user, pk=int(value))
    except Post.DoesNotExist:
        return None
    return post if post.thread_id == thread.pk else None


def _thread_render(
    request: HttpRequest, thread: Thread, *, form: PostForm, status: int = 200
) -> HttpResponse:
    user = request.user
    edition = thread.edition
    view = thread_views(threads=[thread], language=_language())[0]
    page = post_page_for_thread(
        user=user, thread=thread, cursor=request.GET.get("cursor", "")
    )
    now = timezone.now()
    can_moderate = forum_can_moderate(user=user, edition=edition)
    has_posted = thread_user_has_posted(user=user, thread=thread)
    readings = post_readings(posts=page.items, language=_language())
    # Translations nobody has made yet (older posts, a translator that was down)
    # are asked for now; this reader sees the original with a note meanwhile.
    post_translations_request(
        posts=[post for post in page.items if readings[post.pk].is_untranslated],
        language=_language(),
    )
    posts = [
        {
            "post": post,
            "reading": readings[post.pk],
            "author_name": post_author_name(post=post),
            "can_edit": post_can_edit(post=post, user=user, now=now),
            "is_own": post.author_id == user.pk,
        }
        for post in page.items
    ]
    return render(
        request,
        "learning/forum/thread.html",
        {
            "edition": edition,
            "thread": thread,
            "view": view,
            "posts": posts,
            "listing": page,
            "form": form,
            "flag_form": FlagForm(),
            "time_zone": participant_time_zone(user=user, edition=edition),
            "can_moderate": can_moderate,
            "is_followed": thread_is_followed(user=user, thread=thread),
            "waiting_for_first_post": thread.mode == ThreadMode.POST_FIRST
            and not can_moderate
            and not has_posted,
            "cursor": request.GET.get("cursor", ""),
        },
        status=status,
    )
