"""Moderation on the site (pin, lock, mode, hide, restore) and opening a thread.

Access: the edition's facilitators and coordinators (403 for other members, 404
for non-members); POST with CSRF token. The services enforce who may.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_stubs_ext import StrOrPromise

from learning.core.forms import form_errors_add
from learning.core.types import signed_in_user

from ..forms import ThreadForm
from ..models import Thread
from ..services import (
    thread_create,
    thread_lock,
    thread_mode_set,
    thread_pin,
)
from .actions import POST_HIDE, POST_RESTORE, Done, ForumActionView, flag_on, message
from .base import (
    _edition_get,
    _post_back_url,
    _post_get,
    _thread_get,
    _thread_url,
)
from .reading import _index_render


def _thread_back(request: HttpRequest, thread: Thread) -> str:
    return _thread_url(thread.pk)


def _switched(on: StrOrPromise, off: StrOrPromise) -> Done:
    """A `done` that says `on` or `off`, as the request's value switched."""
    return lambda request: str(on if flag_on(request) else off)


class ThreadModerationView(ForumActionView):
    """Pin, lock or set the mode of a thread, then go back to it.

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """

    lookup = staticmethod(_thread_get)
    back = staticmethod(_thread_back)


class PostModerationView(ForumActionView):
    """Hide or restore a post, then go back to it in its thread.

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """

    lookup = staticmethod(_post_get)
    back = staticmethod(_post_back_url)


thread_pin_view = ThreadModerationView.as_view(
    act=lambda request, thread: thread_pin(
        thread=thread, actor=request.user, pinned=flag_on(request)
    ),
    done=_switched(
        gettext_lazy("The thread is pinned."), gettext_lazy("The thread is unpinned.")
    ),
)
thread_lock_view = ThreadModerationView.as_view(
    act=lambda request, thread: thread_lock(
        thread=thread, actor=request.user, locked=flag_on(request)
    ),
    done=_switched(
        gettext_lazy("The thread is locked."), gettext_lazy("The thread is unlocked.")
    ),
)
thread_mode_view = ThreadModerationView.as_view(
    act=lambda request, thread: thread_mode_set(
        thread=thread, mode=request.POST.get("mode", ""), actor=request.user
    ),
    done=message(gettext_lazy("The thread's mode is changed.")),
)
post_hide_view = PostModerationView.as_view(**POST_HIDE)
post_restore_view = PostModerationView.as_view(**POST_RESTORE)


@login_required
@require_POST
def thread_create_view(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Open a free-standing thread (not on a session topic's question).

    Access: the edition's facilitators and coordinators (403 for other members,
    404 for non-members); POST with CSRF token.
    """
    edition = _edition_get(request, edition_id)
    form = ThreadForm(request.POST)
    if not form.is_valid():
        return _index_render(request, edition, thread_form=form, status=400)
    try:
        thread = thread_create(
            edition=edition,
            title=form.cleaned_data["title"],
            mode=form.cleaned_data["mode"],
            actor=signed_in_user(request),
        )
    except ValidationError as error:
        form_errors_add(
            form=form, error=error, field_of_code={"title_required": "title"}
        )
        return _index_render(request, edition, thread_form=form, status=400)
    messages.success(request, _("The thread is open."))
    return redirect(_thread_url(thread.pk))
