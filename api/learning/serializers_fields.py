"""Fields and references the member endpoints' serializers share: statuses as
one schema component each, UTC times, a titled edition."""

from datetime import UTC

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.attendance.enums import AttendanceStatus
from learning.certificates.enums import CertificateStatus
from learning.enrolments.enums import EnrolmentStatus


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
