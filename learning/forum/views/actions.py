"""One home for the forum's one-click actions (pin, lock, mode, hide, restore,
dismiss, follow): find the thread or post, call its service, say what happened,
go back. Each action is this view with its own lookup, service call and message.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy
from django.views import View
from django_stubs_ext import StrOrPromise

from ..services import post_hide, post_restore
from .base import _errors_show

Lookup = Callable[[HttpRequest, int], Any]
Act = Callable[[HttpRequest, Any], Any]
Done = Callable[[HttpRequest], str]
Back = Callable[[HttpRequest, Any], str]


def _unset(*args: Any) -> Any:
    raise ImproperlyConfigured("Give ForumActionView lookup, act, done and back.")


@method_decorator(login_required, name="dispatch")
class ForumActionView(View):
    """A POST (with CSRF token) that runs one service on a thread or a post.

    Access: whoever `lookup` finds the object for (it raises 404 for others); the
    service then refuses who may not act (403) and its rule breaks (shown as an
    error message). Pass `lookup`, `act`, `done` and `back` to `as_view()`.
    """

    http_method_names = ["post"]
    # Plain functions, not methods: as_view() sets them on the instance.
    lookup: Lookup = staticmethod(_unset)
    act: Act = staticmethod(_unset)
    done: Done = staticmethod(_unset)
    back: Back = staticmethod(_unset)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        target = self.lookup(request, pk)
        try:
            self.act(request, target)
        except ValidationError as error:
            _errors_show(request, error)
        else:
            messages.success(request, self.done(request))
        return redirect(self.back(request, target))


def flag_on(request: HttpRequest) -> bool:
    """Whether the action switches on (value=1, the default) or off (value=0)."""
    return request.POST.get("value", "1") != "0"


def message(text: StrOrPromise) -> Done:
    """A `done` that always says `text` (translated when the request is served)."""
    return lambda request: str(text)


# Hide and restore are offered on the thread page and in the admin's queue: one
# definition of each (service call and message), each page adding its own lookup
# and way back (`ForumActionView.as_view(**POST_HIDE, lookup=..., back=...)`).
POST_HIDE: dict[str, Any] = {
    "act": lambda request, post: post_hide(post=post, actor=request.user),
    "done": message(gettext_lazy("The post is hidden from participants.")),
}
POST_RESTORE: dict[str, Any] = {
    "act": lambda request, post: post_restore(post=post, actor=request.user),
    "done": message(gettext_lazy("The post is visible again.")),
}
