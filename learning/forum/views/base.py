"""What the forum pages share: lookups scoped by membership (404), URLs, messages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import translation

from learning.editions.models import Edition
from learning.enrolments.membership import edition_get_for_member

from ..models import Post, Thread
from ..selectors import (
    post_cursor_at,
    post_get_for_user,
    thread_get_for_user,
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


def _post_back_url(request: HttpRequest, post: Post) -> str:
    return _thread_url(
        post.thread_id, cursor=post_cursor_at(post=post), anchor=f"post-{post.pk}"
    )
