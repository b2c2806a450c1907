"""A member's own actions: reply, edit their post, flag, follow or unfollow a thread."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from learning.core.forms import form_errors_add
from learning.core.types import signed_in_user

from ..forms import FlagForm, PostEditForm, PostForm
from ..models import Post
from ..selectors import post_cursor_at, thread_views
from ..services import (
    post_can_edit,
    post_create,
    post_edit,
    post_flag,
    thread_follow,
    thread_unfollow,
)
from .actions import ForumActionView, message
from .base import (
    _errors_show,
    _language,
    _post_back_url,
    _post_get,
    _thread_get,
    _thread_url,
)
from .reading import _thread_render


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
            author=signed_in_user(request),
            body=form.cleaned_data["body"],
            quote=quote,
            language=_language(),
        )
    except ValidationError as error:
        form_errors_add(form=form, error=error)
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
        post=post, user=signed_in_user(request), now=timezone.now()
    ):
        messages.error(request, _("You cannot edit this post."))
        return redirect(_post_back_url(request, post))
    form = PostEditForm(request.POST or None, initial={"body": post.body_markdown})
    if request.method == "POST" and form.is_valid():
        try:
            post_edit(
                post=post,
                actor=signed_in_user(request),
                body=form.cleaned_data["body"],
                language=_language(),
            )
        except ValidationError as error:
            form_errors_add(form=form, error=error, default_field="body")
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
        {
            "post": post,
            "thread": post.thread,
            # The question in the reader's language, as on the thread's page.
            "thread_title": thread_views(threads=[post.thread], language=_language())[
                0
            ].title,
            "form": form,
        },
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
        post_flag(post=post, user=signed_in_user(request), reason=reason)
    except ValidationError as error:
        _errors_show(request, error)
    else:
        messages.success(request, _("Thank you: the facilitators will have a look."))
    return redirect(_post_back_url(request, post))


class MemberActionView(ForumActionView):
    """Follow or unfollow a thread, then go back to it.

    Access: signed-in members of the thread's edition (404 for others); POST.
    """

    lookup = staticmethod(_thread_get)
    back = staticmethod(lambda request, thread: _thread_url(thread.pk))


thread_follow_view = MemberActionView.as_view(
    act=lambda request, thread: thread_follow(thread=thread, user=request.user),
    done=message(gettext_lazy("You will get new replies by email.")),
)
thread_unfollow_view = MemberActionView.as_view(
    act=lambda request, thread: thread_unfollow(thread=thread, user=request.user),
    done=message(gettext_lazy("You will no longer get replies by email.")),
)
