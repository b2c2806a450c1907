"""Shapes of the forum: threads in the reader's language, posts as sanitised
HTML, flags and follows. Times are UTC."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.forum.enums import FlagReason, ThreadMode
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
        help_text="The text rendered from the Markdown subset and sanitised."
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
    def get_author(self, post) -> dict:
        participant = post.participant if post.participant_id else None
        return {
            "name": post_author_name(post=post),
            "organisation": participant.enrolment.organisation.name
            if participant
            else None,
            "is_participant": participant is not None,
        }

    def get_body_html(self, post) -> str:
        return post_body_html(post=post)

    def get_is_own(self, post) -> bool:
        return post.author_id == self.context["request"].user.pk

    def get_can_edit(self, post) -> bool:
        return post_can_edit(
            post=post, user=self.context["request"].user, now=self.context["now"]
        )

    @extend_schema_field(UtcDateTimeField())
    def get_editable_until(self, post):
        return UtcDateTimeField().to_representation(post_edit_deadline(post=post))

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_flag_count(self, post) -> int | None:
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


class PostEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=POST_MAX_LENGTH)


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
