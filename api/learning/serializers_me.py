"""Shapes of a person's own learning data (/me/): roles, enrolments, meetings,
attendance and certificates.

Output serializers read what learning's selectors return (models and small
dataclasses); views pass extra per-request facts in the context. Times are UTC.
"""

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.attendance.selectors import ModuleAttendance, OwnMeeting
from learning.certificates.models import Certificate
from learning.enrolments.membership import EditionRole
from learning.participants.selectors import ProgrammeEdition, ProgrammeMeeting
from learning.preparation.selectors.marks import PreparationQuestion
from learning.preparation.selectors.next_meeting import MeetingPreparation

from .serializers_fields import (
    AttendanceStatusField,
    CertificateStatusField,
    EditionRefSerializer,
    EnrolmentStatusField,
    UtcDateTimeField,
)

ROLE_CHOICES = [(role.value, role.value) for role in EditionRole]


class MeRoleSerializer(serializers.Serializer):
    edition = EditionRefSerializer()
    role = serializers.ChoiceField(choices=ROLE_CHOICES)


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
    def get_colleagues(self, item: ProgrammeEdition) -> list[str]:
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

    def to_representation(self, instance: ProgrammeMeeting) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["join_url"] = data["join_url"] or None
        data["recording_url"] = data["recording_url"] or None
        return data


class PreparationMaterialSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Send with `session_topic` to mark it.")
    title = serializers.CharField()
    type_label = serializers.CharField(allow_blank=True)
    url = serializers.CharField(help_text="The material's address on the site.")
    language = serializers.CharField()
    reviewed = serializers.BooleanField()


class PreparationQuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    text = serializers.CharField(help_text="In the caller's language, when translated.")
    answered = serializers.BooleanField(
        help_text="The person posted in its thread before the meeting."
    )
    answer_url = serializers.SerializerMethodField(
        help_text="The site's way to the question's forum thread, at its answer form."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_answer_url(self, question: PreparationQuestion) -> str:
        path = reverse(
            "preparation:answer",
            kwargs={
                "edition_id": self.context["edition_id"],
                "topic_id": question.session_topic_id,
                "key": question.key,
            },
        )
        return self.context["request"].build_absolute_uri(path)


class MeetingPreparationSerializer(serializers.Serializer):
    meeting = MyMeetingSerializer(source="shown")
    session_topic = serializers.IntegerField(
        source="shown.meeting.session_topic_id", allow_null=True
    )
    is_excused = serializers.BooleanField()
    materials = PreparationMaterialSerializer(many=True)
    materials_reviewed = serializers.IntegerField(source="reviewed_count")
    questions = serializers.SerializerMethodField()
    questions_answered = serializers.IntegerField(source="answered_count")
    is_ready = serializers.BooleanField(
        help_text="Every material reviewed and every question answered."
    )

    @extend_schema_field(PreparationQuestionSerializer(many=True))
    def get_questions(self, prepared: MeetingPreparation) -> list[dict[str, Any]]:
        context = {**self.context, "edition_id": prepared.shown.meeting.edition_id}
        return list(
            PreparationQuestionSerializer(
                prepared.questions, many=True, context=context
            ).data
        )


class NextMeetingSerializer(serializers.Serializer):
    edition = EditionRefSerializer()
    time_zone = serializers.CharField(help_text="The zone the person sees times in.")
    next = MeetingPreparationSerializer(
        allow_null=True,
        help_text="The next meeting the person is expected at (not excused from); "
        "null when none is left.",
    )
    following = MeetingPreparationSerializer(
        many=True, help_text="The meetings after it, in time order."
    )


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
    next_meetings = NextMeetingSerializer(
        many=True,
        help_text="Per edition with a confirmed place: the next meeting of the "
        "modules the organisation chose, what to review and answer before it, "
        "then the following meetings.",
    )


class OwnMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="meeting.pk")
    title = serializers.CharField(source="meeting.display_title")
    starts_at = UtcDateTimeField(source="meeting.starts_at")
    status = AttendanceStatusField(
        allow_null=True,
        help_text="Null while unmarked.",
    )

    def to_representation(self, instance: OwnMeeting) -> dict[str, Any]:
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

    def get_title(self, item: ModuleAttendance) -> str:
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
    def get_verify_page_url(self, certificate: Certificate) -> str:
        return self.context["verify_page_url"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, certificate: Certificate) -> str | None:
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
