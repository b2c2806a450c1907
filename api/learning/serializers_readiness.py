"""Shapes of an edition's readiness before its upcoming meetings: per meeting,
per organisation, per person, what was reviewed and answered. Times are UTC.

They read the dataclasses of learning.preparation.selectors.readiness as they
are, so the API and the facilitators' page show the same figures.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.preparation.selectors.readiness import (
    OrganisationReadiness,
    PersonReadiness,
)

from .serializers_fields import EditionRefSerializer, UtcDateTimeField


class ReadinessMeetingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="meeting.pk")
    title = serializers.CharField(help_text="In the request's language.")
    starts_at = UtcDateTimeField(source="meeting.starts_at")
    ends_at = UtcDateTimeField(source="meeting.ends_at")
    session_topic = serializers.IntegerField(source="meeting.session_topic_id")


class ReadinessMaterialSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    type_label = serializers.CharField(allow_blank=True)
    url = serializers.CharField(help_text="The material's address on the site.")


class ReadinessQuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    text = serializers.CharField(
        help_text="In the request's language, when translated."
    )


class PersonReadinessSerializer(serializers.Serializer):
    participant = serializers.IntegerField(source="participant.pk")
    name = serializers.CharField(source="participant.name")
    is_excused = serializers.BooleanField(
        help_text="Excused from this meeting in advance; left out of the counts."
    )
    materials_reviewed = serializers.SerializerMethodField()
    materials_total = serializers.IntegerField(source="materials")
    questions_answered = serializers.SerializerMethodField(
        help_text="Answered in the question's thread before the meeting (not late)."
    )
    questions_total = serializers.IntegerField(source="questions")
    reviewed = serializers.SerializerMethodField(
        help_text="Keys of the materials the person reviewed."
    )
    answered = serializers.SerializerMethodField(
        help_text="Keys of the questions the person answered in time."
    )
    is_ready = serializers.BooleanField(
        help_text="Every material reviewed and every question answered."
    )

    def get_materials_reviewed(self, person: PersonReadiness) -> int:
        return len(person.reviewed)

    def get_questions_answered(self, person: PersonReadiness) -> int:
        return len(person.answered)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_reviewed(self, person: PersonReadiness) -> list[str]:
        return sorted(person.reviewed)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_answered(self, person: PersonReadiness) -> list[str]:
        return sorted(person.answered)


class OrganisationReadinessSerializer(serializers.Serializer):
    id = serializers.SerializerMethodField()
    name = serializers.CharField()
    expected = serializers.SerializerMethodField(
        help_text="People expected at the meeting, the excused left out."
    )
    ready = serializers.IntegerField(source="ready_count")
    materials_reviewed = serializers.IntegerField(source="reviewed_count")
    materials_total = serializers.IntegerField(source="materials_count")
    questions_answered = serializers.IntegerField(source="answered_count")
    questions_total = serializers.IntegerField(source="questions_count")
    people = PersonReadinessSerializer(many=True)

    def get_id(self, group: OrganisationReadiness) -> int:
        # Every group holds at least one person (it is made from its people).
        return group.people[0].participant.enrolment.organisation_id

    def get_expected(self, group: OrganisationReadiness) -> int:
        return len(group.expected)


class MeetingReadinessSerializer(serializers.Serializer):
    meeting = ReadinessMeetingRefSerializer(source="*")
    expected = serializers.IntegerField(
        source="expected_count",
        help_text="People expected at the meeting, the excused left out.",
    )
    ready = serializers.IntegerField(
        source="ready_count",
        help_text="Expected people with every material reviewed and every "
        "question answered.",
    )
    materials = ReadinessMaterialSerializer(many=True)
    questions = ReadinessQuestionSerializer(
        many=True,
        help_text="Empty when an earlier meeting on the same session topic asked them.",
    )
    organisations = OrganisationReadinessSerializer(many=True)


class EditionReadinessSerializer(serializers.Serializer):
    edition = EditionRefSerializer()
    meetings = MeetingReadinessSerializer(
        many=True, help_text="The upcoming meetings on a session topic, in time order."
    )
