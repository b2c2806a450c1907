"""An edition's forum for its members: threads, posts (cursor-paged), replies,
edits, flags and follows.

Who may call: signed-in people (session or personal token) who belong to the
edition (participants with a confirmed place, its facilitators, coordinators);
an app's key gets 403 `person_required`. Naming an edition one does not belong
to answers 403 `not_a_member`; a thread or post one may not read answers 404.
The rules (hidden posts, "post first" mode, locks, the edit window) live in
learning/forum's selectors and services, called here as the site's views do.
"""

from collections.abc import Sequence
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from learning.editions.models import Edition
from learning.enrolments.membership import edition_get_for_member
from learning.forum.enums import ThreadMode
from learning.forum.models import Post, Thread
from learning.forum.permissions import ForumPermissionDenied, forum_can_moderate
from learning.forum.selectors import (
    post_get_for_user,
    thread_get_for_user,
    thread_is_followed,
    thread_page_for_reader,
    thread_user_has_posted,
    thread_views,
)
from learning.forum.selectors.deadlines import ORDERINGS, SCOPES
from learning.forum.selectors.post_pages import (
    PostRow,
    post_rows_for_thread,
    thread_standing_get,
)
from learning.forum.selectors.readings import post_translations_for
from learning.forum.services import (
    post_create,
    post_edit,
    post_flag,
    thread_ensure_for_edition,
    thread_follow,
    thread_unfollow,
)
from learning.forum.services.posts import thread_takes_edits
from learning.forum.services.translations import post_translations_request

from ..permissions import request_person
from . import serializers_forum as s
from .me import MemberView
from .pagination import CURSOR_PARAMETERS, cursor_body, cursor_params
from .serializers_forum_rows import post_rows_data

TAGS = ["forum"]
EDITION = OpenApiParameter(
    "edition", int, required=True, description="The edition whose threads to list."
)


ORDERING = OpenApiParameter(
    "ordering",
    str,
    enum=list(ORDERINGS),
    description='`deadline`: pinned threads, then the nearest upcoming "answer '
    "before\" meeting first, then past meetings' threads (most recent first), then "
    "free-standing threads. `activity`: pinned, then latest activity. Default: "
    "`deadline` for participants, `activity` for facilitators and coordinators.",
)
SCOPE = OpenApiParameter(
    "scope",
    str,
    enum=list(SCOPES),
    description="`mine`: the threads of the modules the caller's organisation "
    "chose (and free-standing threads); `all`: every thread. Default: `mine` for "
    "participants, `all` for facilitators and coordinators.",
)


TRANSLATE = OpenApiParameter(
    "translate",
    str,
    description="Comma-separated language codes (e.g. `es` or `es,fr`): each post's "
    "`translations` then carries its machine translations into them, where made.",
)


class EditionQuerySerializer(serializers.Serializer):
    edition = serializers.IntegerField(min_value=1, max_value=2**31 - 1)


class ThreadListQuerySerializer(EditionQuerySerializer):
    ordering = serializers.ChoiceField(choices=ORDERINGS, required=False)
    scope = serializers.ChoiceField(choices=SCOPES, required=False)


def _language() -> str:
    return translation.get_language() or "en"


def _member_edition(request: Request) -> Edition:
    """The edition named by ?edition=, when the caller belongs to it (else 403)."""
    query = EditionQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    try:
        return edition_get_for_member(
            user=request.user, pk=query.validated_data["edition"]
        )
    except Edition.DoesNotExist:
        raise ForumPermissionDenied(
            _("You are not a member of this edition."), code="not_a_member"
        ) from None


def _thread_get(request: Request, pk: int) -> Thread:
    try:
        return thread_get_for_user(user=request.user, pk=pk)
    except Thread.DoesNotExist:
        raise exceptions.NotFound() from None


def _post_get(request: Request, pk: int) -> Post:
    try:
        return post_get_for_user(user=request.user, pk=pk)
    except Post.DoesNotExist:
        raise exceptions.NotFound() from None


def _translate_params(request: Request) -> list[str]:
    """The languages asked for with ?translate=es,fr (400 for unknown ones)."""
    if "translate" not in request.query_params:
        return []  # as the serializer's default: no translations
    query = s.TranslateQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data["translate"]


def _translations(
    *, posts: Sequence[Post | PostRow], languages: list[str]
) -> dict[int, dict[str, str]]:
    """The posts' translations made so far; those missing are asked for now."""
    if not languages:
        return {}
    found = post_translations_for(posts=posts, languages=languages)
    for language in languages:
        missing = [post for post in posts if language not in found.get(post.pk, {})]
        post_translations_request(posts=missing, language=language)
    return found


def _post_context(request: Request) -> dict[str, Any]:
    return {"request": request, "now": timezone.now()}


class ThreadListView(MemberView):
    """The edition's threads; participants get their modules' threads in
    "answer before" order by default (`ordering`, `scope`)."""

    @extend_schema(
        tags=TAGS,
        parameters=[EDITION, ORDERING, SCOPE, *CURSOR_PARAMETERS],
        responses=s.ThreadPageSerializer,
        operation_id="forum_threads_list",
    )
    def get(self, request: Request) -> Response:
        edition = _member_edition(request)
        query = ThreadListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        cursor, limit = cursor_params(request)
        # As the site's forum page does: threads open for questions added to
        # session topics since the meetings were planned (idempotent).
        thread_ensure_for_edition(edition=edition)
        page = thread_page_for_reader(
            user=request.user,
            edition=edition,
            ordering=query.validated_data.get("ordering", ""),
            scope=query.validated_data.get("scope", ""),
            cursor=cursor,
            limit=limit,
            language=_language(),
        )
        results = list(s.ThreadSerializer(page.items, many=True).data)
        return Response(cursor_body(request, page=page, results=results))


class ThreadDetailView(MemberView):
    """One thread, its question in the reader's language and their standing."""

    @extend_schema(tags=TAGS, responses=s.ThreadDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        thread = _thread_get(request, pk)
        view = thread_views(threads=[thread], language=_language())[0]
        can_moderate = forum_can_moderate(user=request.user, edition=thread.edition)
        waiting = (
            thread.mode == ThreadMode.POST_FIRST
            and not can_moderate
            and not thread_user_has_posted(user=request.user, thread=thread)
        )
        body = {
            "thread": thread,
            "title": view.title,
            "answer_before": view.answer_before,
            "is_read_only": view.is_read_only,
            "is_followed": thread_is_followed(user=request.user, thread=thread),
            "can_moderate": can_moderate,
            "waiting_for_first_post": waiting,
        }
        return Response(s.ThreadDetailSerializer(body).data)


class ThreadPostsView(MemberView):
    """GET: the thread's posts the caller may read, oldest first, cursor-paged.
    POST: reply in the thread (members; not in a locked thread, nor once the
    edition has finished)."""

    @extend_schema(
        tags=TAGS,
        parameters=[*CURSOR_PARAMETERS, TRANSLATE],
        responses=s.PostPageSerializer,
    )
    def get(self, request: Request, pk: int) -> Response:
        try:
            standing = thread_standing_get(user=request.user, pk=pk)
        except Thread.DoesNotExist:
            raise exceptions.NotFound() from None
        cursor, limit = cursor_params(request)
        languages = _translate_params(request)
        page = post_rows_for_thread(
            user=request.user, standing=standing, cursor=cursor, limit=limit
        )
        now = timezone.now()
        results = post_rows_data(
            page.items,
            user=request.user,
            now=now,
            thread_open=thread_takes_edits(thread=standing.thread, now=now),
            translations=_translations(posts=page.items, languages=languages),
        )
        return Response(cursor_body(request, page=page, results=results))

    @extend_schema(
        tags=TAGS,
        request=s.PostCreateSerializer,
        responses={201: s.PostSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        thread = _thread_get(request, pk)
        data = s.PostCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        quote = None
        if data.validated_data.get("quote"):
            quote = Post.objects.filter(pk=data.validated_data["quote"]).first()
            if quote is None:
                raise exceptions.ValidationError(
                    _("You can only quote a post of this thread that you can read."),
                    code="invalid_quote",
                )
        post = post_create(
            thread=thread,
            author=request_person(request),
            body=data.validated_data["body"],
            quote=quote,
            language=data.validated_data.get("language") or _language(),
        )
        if forum_can_moderate(user=request.user, edition=post.thread.edition):
            # What the moderators' listing annotates: a new post has no flags.
            post.flag_count = 0  # type: ignore[attr-defined]
        body = s.PostSerializer(post, context=_post_context(request)).data
        return Response(body, status=status.HTTP_201_CREATED)


class PostDetailView(MemberView):
    """PATCH: change one's own post within the edit window, while the thread
    is open (the author only)."""

    @extend_schema(
        tags=TAGS, request=s.PostEditSerializer, responses={200: s.PostSerializer}
    )
    def patch(self, request: Request, pk: int) -> Response:
        post = _post_get(request, pk)
        data = s.PostEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = post_edit(
            post=post,
            actor=request_person(request),
            body=data.validated_data["body"],
            language=data.validated_data.get("language") or _language(),
        )
        return Response(s.PostSerializer(post, context=_post_context(request)).data)


class PostFlagView(MemberView):
    """POST: report a post to the edition's facilitators (once per reader)."""

    @extend_schema(
        tags=TAGS, request=s.FlagCreateSerializer, responses={201: s.FlagSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        post = _post_get(request, pk)
        data = s.FlagCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        flag = post_flag(
            post=post,
            user=request_person(request),
            reason=data.validated_data["reason"],
        )
        return Response(s.FlagSerializer(flag).data, status=status.HTTP_201_CREATED)


class ThreadFollowView(MemberView):
    """POST: get the thread's new replies by email. DELETE: stop."""

    @extend_schema(tags=TAGS, request=None, responses={200: s.FollowSerializer})
    def post(self, request: Request, pk: int) -> Response:
        thread = _thread_get(request, pk)
        thread_follow(thread=thread, user=request_person(request))
        return Response(
            s.FollowSerializer({"thread": thread.pk, "is_followed": True}).data
        )

    @extend_schema(tags=TAGS, request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        thread = _thread_get(request, pk)
        thread_unfollow(thread=thread, user=request_person(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
