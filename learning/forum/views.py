"""Site pages of an edition's forum: the thread list, a thread, and its actions.

Every page needs a signed-in user (others go to the sign-in page). Non-members of
the edition get a 404, so they cannot tell it from one that does not exist. Every
change is a POST with a CSRF token; moderation (pin, lock, mode, hide, restore)
is for the edition's facilitators and coordinators, which the services enforce.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learning.editions.membership import edition_get_for_member
from learning.editions.models import Edition
from learning.participants.selectors import participant_time_zone

from .enums import ThreadMode
from .forms import FlagForm, PostEditForm, PostForm
from .models import Post, Thread
from .permissions import forum_can_moderate
from .rendering import markdown_quote
from .selectors import (
    forum_is_read_only,
    post_author_name,
    post_cursor_at,
    post_get_for_user,
    post_page_for_thread,
    thread_get_for_user,
    thread_is_followed,
    thread_page_for_user,
    thread_user_has_posted,
    thread_views,
)
from .services import (
    post_can_edit,
    post_create,
    post_edit,
    post_flag,
    post_hide,
    post_restore,
    thread_ensure_for_edition,
    thread_follow,
    thread_lock,
    thread_mode_set,
    thread_pin,
    thread_unfollow,
)


def _language() -> str:
    return translation.get_language() or "en"


def _edition_get(request: HttpRequest, edition_id: int) -> Edition:
    try:
        return edition_get_for_member(user=request.user, pk=edition_id)
    except Edition.DoesNotExist as error:
        raise Http404 from error


def _thread_get(request: HttpRequest, pk: int) -> Thread:
    try:
        return thread_get_for_user(user=request.user, pk=pk)
    except Thread.DoesNotExist as error:
        raise Http404 from error


def _post_get(request: HttpRequest, pk: int) -> Post:
    try:
        return post_get_for_user(user=request.user, pk=pk)
    except Post.DoesNotExist as error:
        raise Http404 from error


def _thread_url(thread_id: int, *, cursor: str = "", anchor: str = "") -> str:
    url = reverse("forum:thread", kwargs={"pk": thread_id})
    if cursor:
        url += f"?cursor={cursor}"
    return url + (f"#{anchor}" if anchor else "")


def _errors_show(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@never_cache
@login_required
@require_GET
def forum_index(request: HttpRequest, edition_id: int) -> HttpResponse:
    """The edition's threads, pinned first, then by latest activity, cursor-paged.

    Access: signed-in members of the edition (participants, its facilitators,
    coordinators); others get a 404.
    """
    edition = _edition_get(request, edition_id)
    # Threads open lazily here: questions are added to session topic pages after
    # meetings are planned, and this keeps both in step (idempotent, 3 queries).
    thread_ensure_for_edition(edition=edition)
    page = thread_page_for_user(
        user=request.user,
        edition=edition,
        cursor=request.GET.get("cursor", ""),
        language=_language(),
    )
    return render(
        request,
        "learning/forum/index.html",
        {
            "edition": edition,
            "listing": page,
            "time_zone": participant_time_zone(user=request.user, edition=edition),
            "can_moderate": forum_can_moderate(user=request.user, edition=edition),
            "is_read_only": forum_is_read_only(edition=edition),
        },
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
    posts = [
        {
            "post": post,
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


@login_required
@require_POST
def post_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a post in the thread, optionally quoting another one.

    Access: signed-in members of the thread's edition (404 for others); POST with
    CSRF token. Locked threads and finished editions' forums refuse it.
    """
    thread = _thread_get(request, pk)
    form = PostForm(request.POST)
    if not form.is_valid():
        return _thread_render(request, thread, form=form, status=400)
    quote = None
    if form.cleaned_data["quote"]:
        quote = Post.objects.filter(pk=form.cleaned_data["quote"]).first()
    try:
        post = post_create(
            thread=thread,
            author=request.user,
            body=form.cleaned_data["body"],
            quote=quote,
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _thread_render(request, thread, form=form, status=400)
    messages.success(request, _("Your post is published."))
    return redirect(
        _thread_url(
            thread.pk, cursor=post_cursor_at(post=post), anchor=f"post-{post.pk}"
        )
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def post_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Change one's own post while the edit window lasts.

    Access: the post's author, a member of its edition (404 for non-members);
    the service refuses others and late edits. POST with CSRF token.
    """
    post = _post_get(request, pk)
    if request.method == "GET" and not post_can_edit(
        post=post, user=request.user, now=timezone.now()
    ):
        messages.error(request, _("You cannot edit this post."))
        return redirect(_post_back_url(request, post))
    form = PostEditForm(request.POST or None, initial={"body": post.body_markdown})
    if request.method == "POST" and form.is_valid():
        try:
            post_edit(post=post, actor=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("body", message)
        else:
            messages.success(request, _("Your post is updated."))
            return redirect(
                _thread_url(
                    post.thread_id,
                    cursor=post_cursor_at(post=post),
                    anchor=f"post-{post.pk}",
                )
            )
    return render(
        request,
        "learning/forum/post_edit.html",
        {"post": post, "thread": post.thread, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def post_flag_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a post to the facilitators.

    Access: signed-in members of the post's edition who can read it (404 for
    others); POST with CSRF token.
    """
    post = _post_get(request, pk)
    form = FlagForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        post_flag(post=post, user=request.user, reason=reason)
    except ValidationError as error:
        _errors_show(request, error)
    else:
        messages.success(request, _("Thank you: the facilitators will have a look."))
    return redirect(_post_back_url(request, post))


def _post_back_url(request: HttpRequest, post: Post) -> str:
    return _thread_url(
        post.thread_id, cursor=post_cursor_at(post=post), anchor=f"post-{post.pk}"
    )


def _thread_action(
    request: HttpRequest, pk: int, action: Callable[[Thread], Any], done: str
) -> HttpResponse:
    thread = _thread_get(request, pk)
    try:
        action(thread)
    except ValidationError as error:
        _errors_show(request, error)
    else:
        messages.success(request, done)
    return redirect(_thread_url(thread.pk))


def _post_action(
    request: HttpRequest, pk: int, action: Callable[[Post], Any], done: str
) -> HttpResponse:
    post = _post_get(request, pk)
    action(post)
    messages.success(request, done)
    return redirect(_post_back_url(request, post))


def _flag_on(request: HttpRequest) -> bool:
    return request.POST.get("value", "1") != "0"


@login_required
@require_POST
def thread_follow_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Get the thread's new replies by email.

    Access: signed-in members of the thread's edition (404 for others); POST.
    """
    return _thread_action(
        request,
        pk,
        lambda thread: thread_follow(thread=thread, user=request.user),
        _("You will get new replies by email."),
    )


@login_required
@require_POST
def thread_unfollow_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop getting the thread's replies by email.

    Access: signed-in members of the thread's edition (404 for others); POST.
    """
    return _thread_action(
        request,
        pk,
        lambda thread: thread_unfollow(thread=thread, user=request.user),
        _("You will no longer get replies by email."),
    )


@login_required
@require_POST
def thread_pin_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Pin the thread (value=1) or unpin it (value=0).

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """
    pinned = _flag_on(request)
    return _thread_action(
        request,
        pk,
        lambda thread: thread_pin(thread=thread, actor=request.user, pinned=pinned),
        _("The thread is pinned.") if pinned else _("The thread is unpinned."),
    )


@login_required
@require_POST
def thread_lock_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Lock the thread (value=1) or unlock it (value=0).

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """
    locked = _flag_on(request)
    return _thread_action(
        request,
        pk,
        lambda thread: thread_lock(thread=thread, actor=request.user, locked=locked),
        _("The thread is locked.") if locked else _("The thread is unlocked."),
    )


@login_required
@require_POST
def thread_mode_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Switch the thread between open discussion and "post first".

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """
    mode = request.POST.get("mode", "")
    return _thread_action(
        request,
        pk,
        lambda thread: thread_mode_set(thread=thread, mode=mode, actor=request.user),
        _("The thread's mode is changed."),
    )


@login_required
@require_POST
def post_hide_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide a post from participants.

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """
    return _post_action(
        request,
        pk,
        lambda post: post_hide(post=post, actor=request.user),
        _("The post is hidden from participants."),
    )


@login_required
@require_POST
def post_restore_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a hidden post again.

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """
    return _post_action(
        request,
        pk,
        lambda post: post_restore(post=post, actor=request.user),
        _("The post is visible again."),
    )
