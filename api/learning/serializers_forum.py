"""Shapes of the forum: threads in the reader's language, posts as sanitised
HTML, flags and follows. Times are UTC."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.forum.enums import FlagReason, ThreadMode
from learning.forum.models import Post
from learning.forum.rendering import post_body_html
from learning.forum.selectors import post_author_name
from learning.forum.services import POST_MAX_LENGTH, post_can_edit, post_edit_deadline

from .pagination import cursor_page_serializer
from .serializers_fields import UtcDateTimeField


class MeetingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = UtcDateTimeField()


class ThreadSerializer(serializers.Serializer):
    """A ThreadView: the thread with its question in the reader's language."""

    id = serializers.IntegerField(source="thread.pk")
    edition = serializers.IntegerField(source="thread.edition_id")
    title = serializers.CharField()
    session_topic = serializers.IntegerField(
        source="thread.session_topic_id", allow_null=True
    )
    mode = serializers.ChoiceField(source="thread.mode", choices=ThreadMode.choices)
    is_pinned = serializers.BooleanField(source="thread.is_pinned")
    is_locked = serializers.BooleanField(source="thread.is_locked")
    reply_count = serializers.IntegerField(source="thread.reply_count")
    last_activity_at = UtcDateTimeField(source="thread.last_activity_at")
    answer_before = MeetingRefSerializer(
        allow_null=True, help_text="The meeting this question prepares."
    )
    is_read_only = serializers.BooleanField(
        help_text="The edition has finished: its forum takes no new posts or edits "
        "(they are refused with code edition_finished)."
    )


class ThreadDetailSerializer(ThreadSerializer):
    is_followed = serializers.BooleanField()
    can_moderate = serializers.BooleanField()
    waiting_for_first_post = serializers.BooleanField(
        help_text="Post-first mode: others' answers show once you have posted."
    )


class AuthorSerializer(serializers.Serializer):
    name = serializers.CharField()
    organisation = serializers.CharField(allow_null=True)
    is_participant = serializers.BooleanField()


class PostSerializer(serializers.Serializer):
    """A post as its reader sees it: sanitised HTML only, never the raw text."""

    id = serializers.IntegerField()
    thread = serializers.IntegerField(source="thread_id")
    author = serializers.SerializerMethodField()
    quote = serializers.IntegerField(
        source="quote_id", allow_null=True, help_text="The quoted post's id."
    )
    body_html = serializers.SerializerMethodField(
        help_text="The text as written, rendered from the Markdown subset and "
        "sanitised when it was written or edited."
    )
    language = serializers.CharField(
        help_text="The language the post is written in (empty when unknown)."
    )
    translations = serializers.SerializerMethodField(
        help_text="With ?translate=: machine translations of body_html into the "
        "languages asked for, as sanitised HTML keyed by language code. A language "
        "is missing while its translation is being made (it is asked for then) or "
        "when the translator failed: show body_html. Never the post's own language."
    )
    created_at = UtcDateTimeField()
    edited_at = UtcDateTimeField(allow_null=True)
    is_late = serializers.BooleanField(
        help_text="A participant's answer written after the meeting its question "
        "prepares (answer_before); it does not count as preparation."
    )
    is_hidden = serializers.BooleanField()
    is_own = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()
    editable_until = serializers.SerializerMethodField()
    flag_count = serializers.SerializerMethodField(
        help_text="How often readers flagged it; for moderators, else null."
    )

    @extend_schema_field(AuthorSerializer)
    def get_author(self, post: Post) -> dict[str, Any]:
        participant = post.participant if post.participant_id else None
        return {
            "name": post_author_name(post=post),
            "organisation": participant.enrolment.organisation.name
            if participant
            else None,
            "is_participant": participant is not None,
        }

    def get_body_html(self, post: Post) -> str:
        return post_body_html(post=post)

    @extend_schema_field(
        serializers.DictField(child=serializers.CharField(), default=dict)
    )
    def get_translations(self, post: Post) -> dict[str, str]:
        return self.context.get("translations", {}).get(post.pk, {})

    def get_is_own(self, post: Post) -> bool:
        return post.author_id == self.context["request"].user.pk

    def get_can_edit(self, post: Post) -> bool:
        return post_can_edit(
            post=post, user=self.context["request"].user, now=self.context["now"]
        )

    @extend_schema_field(UtcDateTimeField())
    def get_editable_until(self, post: Post) -> str | None:
        return UtcDateTimeField().to_representation(post_edit_deadline(post=post))

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_flag_count(self, post: Post) -> int | None:
        return getattr(post, "flag_count", None)


PostPageSerializer = cursor_page_serializer(PostSerializer, "PostPage")
ThreadPageSerializer = cursor_page_serializer(ThreadSerializer, "ThreadPage")


class PostCreateSerializer(serializers.Serializer):
    body = serializers.CharField(
        max_length=POST_MAX_LENGTH,
        help_text="Markdown subset: **bold**, *italic*, [link](https://…), lists, "
        "`code`, > quotes. HTML is shown as text.",
    )
    quote = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**31 - 1,
        help_text="A post of this thread you can read, to quote.",
    )
    language = serializers.ChoiceField(
        choices=list(settings.CONTENT_LANGUAGES),
        required=False,
        help_text="The language the text is written in. Default: the request's "
        "language (Accept-Language), else the author's preferred language.",
    )


class PostEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=POST_MAX_LENGTH)
    language = serializers.ChoiceField(
        choices=list(settings.CONTENT_LANGUAGES),
        required=False,
        help_text="The language the new text is written in. Default: the "
        "request's language.",
    )


class TranslateQuerySerializer(serializers.Serializer):
    translate = serializers.CharField(required=False, default="", max_length=100)

    def validate_translate(self, value: str) -> list[str]:
        codes = [code.strip() for code in value.split(",") if code.strip()]
        offered = dict(settings.LANGUAGES)
        unknown = [code for code in codes if code not in offered]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown language: %(codes)s. Ask for one of %(offered)s.")
                % {"codes": ", ".join(unknown), "offered": ", ".join(offered)},
                code="invalid_language",
            )
        return codes


class FlagCreateSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(
        choices=FlagReason.choices, required=False, default=FlagReason.OTHER
    )


class FlagSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    post = serializers.IntegerField(source="post_id")
    reason = serializers.ChoiceField(choices=FlagReason.choices)
    created_at = UtcDateTimeField()


class FollowSerializer(serializers.Serializer):
    thread = serializers.IntegerField()
    is_followed = serializers.BooleanField()
