"""Shapes of a person's own learning data, the forum and attendance sheets.

Output serializers read what learning's selectors return (models and small
dataclasses); views pass extra per-request facts in the context. Times are UTC.
"""

from datetime import UTC

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.attendance.enums import AttendanceStatus
from learning.certificates.enums import CertificateStatus
from learning.editions.membership import EditionRole
from learning.enrolments.enums import EnrolmentStatus
from learning.forum.enums import FlagReason, ThreadMode
from learning.forum.rendering import markdown_render
from learning.forum.selectors import post_author_name
from learning.forum.services import POST_MAX_LENGTH, post_can_edit, post_edit_deadline

from .pagination import cursor_page_serializer

ROLE_CHOICES = [(role.value, role.value) for role in EditionRole]


@extend_schema_field(
    {"type": "string", "enum": AttendanceStatus.values},
    component_name="AttendanceStatus",
)
class AttendanceStatusField(serializers.ChoiceField):
    """present, absent or excused (one component in the schema)."""

    def __init__(self, **kwargs):
        super().__init__(choices=AttendanceStatus.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "enum": EnrolmentStatus.values}, component_name="EnrolmentStatus"
)
class EnrolmentStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=EnrolmentStatus.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "enum": CertificateStatus.values},
    component_name="CertificateStatus",
)
class CertificateStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=CertificateStatus.choices, **kwargs)


class UtcDateTimeField(serializers.DateTimeField):
    """ISO 8601 in UTC (`…Z`), whatever the server's time zone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", UTC)
        super().__init__(**kwargs)


class EditionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class NamedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


# /me/ ---------------------------------------------------------------------------


class MeRoleSerializer(serializers.Serializer):
    edition = EditionRefSerializer()
    role = serializers.ChoiceField(choices=ROLE_CHOICES)


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    name = serializers.CharField()
    language = serializers.CharField(help_text="Preferred language (en, es).")
    time_zone = serializers.CharField(allow_blank=True)
    is_coordinator = serializers.BooleanField(
        help_text="Coordinators belong to every edition."
    )
    roles = MeRoleSerializer(
        many=True,
        help_text="The editions the person takes part in or facilitates.",
    )


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class MyEnrolmentSerializer(serializers.Serializer):
    participant = serializers.IntegerField(source="participant.pk")
    edition = EditionRefSerializer()
    starts_on = serializers.DateField(source="edition.starts_on")
    ends_on = serializers.DateField(source="edition.ends_on")
    organisation = OrganisationRefSerializer(source="enrolment.organisation")
    status = EnrolmentStatusField(source="enrolment.status")
    has_place = serializers.BooleanField(
        help_text="The organisation holds a confirmed place: meetings, forum and "
        "materials are open."
    )
    time_zone = serializers.CharField()
    modules = serializers.ListField(
        child=serializers.CharField(), help_text="The chosen modules' titles."
    )
    colleagues = serializers.SerializerMethodField(
        help_text="The other representatives of the organisation."
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_colleagues(self, item) -> list[str]:
        return [colleague.name for colleague in item.colleagues]


class MyMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="meeting.pk")
    edition = serializers.IntegerField(source="meeting.edition_id")
    title = serializers.CharField()
    module_title = serializers.CharField(allow_blank=True)
    starts_at = UtcDateTimeField()
    ends_at = UtcDateTimeField()
    join_opens_at = UtcDateTimeField(
        help_text="From when `join_url` is given (until the meeting ends)."
    )
    join_url = serializers.URLField(
        allow_null=True, help_text="Null until the join link opens."
    )
    recording_url = serializers.URLField(
        allow_null=True, help_text="Null until the meeting has ended with a recording."
    )
    interpretation_languages = serializers.ListField(
        source="meeting.interpretation_languages", child=serializers.CharField()
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["join_url"] = data["join_url"] or None
        data["recording_url"] = data["recording_url"] or None
        return data


class OwnMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="meeting.pk")
    title = serializers.CharField(source="meeting.display_title")
    starts_at = UtcDateTimeField(source="meeting.starts_at")
    status = AttendanceStatusField(
        allow_null=True,
        help_text="Null while unmarked.",
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["status"] = data["status"] or None
        return data


class ModuleAttendanceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="module.pk")
    title = serializers.SerializerMethodField()
    meetings_held = serializers.IntegerField()
    attended = serializers.IntegerField()
    excused = serializers.IntegerField()
    counted = serializers.IntegerField(
        help_text="Held meetings that count: held minus excused."
    )
    percent = serializers.IntegerField(
        allow_null=True,
        help_text="attended / counted in whole percent (rounded down), as "
        "certificates compare it; null when nothing counts yet.",
    )

    def get_title(self, item) -> str:
        titles = self.context.get("module_titles", {})
        return titles.get(item.module.translation_key, item.module.title)


class MyAttendanceSerializer(serializers.Serializer):
    participant = serializers.IntegerField(source="participant.pk")
    edition = EditionRefSerializer(source="participant.edition")
    meetings = OwnMeetingSerializer(many=True, help_text="The held meetings.")
    modules = ModuleAttendanceSerializer(many=True)


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class ModuleProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="module.pk")
    title = serializers.CharField()
    meetings_held = serializers.IntegerField()
    attended = serializers.IntegerField()
    excused = serializers.IntegerField()
    counted = serializers.IntegerField()
    rate = serializers.IntegerField(help_text="Whole percent, rounded down.")
    threshold = serializers.IntegerField(help_text="Percent needed.")
    met = serializers.BooleanField()


class EligibilitySerializer(serializers.Serializer):
    eligible = serializers.BooleanField()
    threshold = serializers.IntegerField()
    edition_finished = serializers.BooleanField()
    modules = ModuleProgressSerializer(many=True)
    reasons = ReasonSerializer(many=True)


class CertificateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = CertificateStatusField()
    issued_at = UtcDateTimeField()
    holder_name = serializers.CharField()
    organisation_name = serializers.CharField()
    edition_title = serializers.CharField(source="edition_label")
    programme_titles = serializers.DictField(child=serializers.CharField())
    hours = serializers.DecimalField(max_digits=6, decimal_places=1)
    download_url = serializers.SerializerMethodField(
        help_text="The site's download of the PDF (signed-in holder); null when "
        "the PDF is gone."
    )

    verify_page_url = serializers.SerializerMethodField(
        help_text="The public verification page: add the code printed on the "
        "certificate (only its hash is stored, so the API cannot give it)."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_verify_page_url(self, certificate) -> str:
        return self.context["verify_page_url"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, certificate) -> str | None:
        if not certificate.pdf:
            return None
        path = reverse("certificates:download", kwargs={"pk": certificate.pk})
        return self.context["request"].build_absolute_uri(path)


class MyCertificateSerializer(serializers.Serializer):
    edition = EditionRefSerializer()
    certificate = CertificateSerializer(allow_null=True)
    eligibility = EligibilitySerializer(
        allow_null=True, help_text="Why not (yet), when there is no certificate."
    )


# Forum ----------------------------------------------------------------------------


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
        return markdown_render(text=post.body_markdown)

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


# Attendance ----------------------------------------------------------------------


class SheetRowSerializer(serializers.Serializer):
    participant = serializers.IntegerField(source="participant.pk")
    name = serializers.CharField(source="participant.name")
    status = AttendanceStatusField(
        allow_null=True,
        help_text="Null while unmarked.",
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["status"] = data["status"] or None
        return data


class SheetGroupSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    rows = SheetRowSerializer(many=True)


class SheetMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = EditionRefSerializer()
    title = serializers.CharField(source="display_title")
    starts_at = UtcDateTimeField()
    ends_at = UtcDateTimeField()


class AttendanceSheetSerializer(serializers.Serializer):
    meeting = SheetMeetingSerializer()
    unmarked = serializers.IntegerField()
    groups = SheetGroupSerializer(many=True)


class MarkSerializer(serializers.Serializer):
    participant = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    status = AttendanceStatusField()


class MarksSerializer(serializers.Serializer):
    marks = MarkSerializer(many=True, allow_empty=False)

    def validate_marks(self, marks):
        ids = [mark["participant"] for mark in marks]
        if len(ids) != len(set(ids)):
            raise serializers.ValidationError(
                _("Each participant can be marked once per request."),
                code="duplicate_participant",
            )
        return marks


class MarkResultSerializer(AttendanceSheetSerializer):
    created = serializers.IntegerField()
    changed = serializers.IntegerField()
    unchanged = serializers.IntegerField()
