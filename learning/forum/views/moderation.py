"""Moderation (pin, lock, mode, hide, restore): facilitators and coordinators; the
services enforce who may."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..services import (
    post_hide,
    post_restore,
    thread_lock,
    thread_mode_set,
    thread_pin,
)
from .base import _flag_on, _post_action, _thread_action


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
