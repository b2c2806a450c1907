"""Shapes of a meeting's attendance sheet and of marking it. Times are UTC."""

from typing import Any, TypedDict

from django.utils.translation import gettext as _
from rest_framework import serializers

from learning.attendance.selectors import SheetRow

from .serializers_fields import (
    AttendanceStatusField,
    EditionRefSerializer,
    UtcDateTimeField,
)


class SheetRowSerializer(serializers.Serializer):
    participant = serializers.IntegerField(source="participant.pk")
    name = serializers.CharField(source="participant.name")
    status = AttendanceStatusField(
        allow_null=True,
        help_text="Null while unmarked.",
    )

    def to_representation(self, instance: SheetRow) -> dict[str, Any]:
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


class Mark(TypedDict):
    """One validated mark of MarkSerializer."""

    participant: int
    status: str


class MarkSerializer(serializers.Serializer):
    participant = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    status = AttendanceStatusField()


class MarksSerializer(serializers.Serializer):
    marks = MarkSerializer(many=True, allow_empty=False)

    def validate_marks(self, marks: list[Mark]) -> list[Mark]:
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
