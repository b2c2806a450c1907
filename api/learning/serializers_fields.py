"""Fields and references the member endpoints' serializers share: statuses as
one schema component each, UTC times, a titled edition, the person who signs up."""

from datetime import UTC, datetime
from typing import Any

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

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=AttendanceStatus.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "enum": EnrolmentStatus.values}, component_name="EnrolmentStatus"
)
class EnrolmentStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=EnrolmentStatus.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "enum": CertificateStatus.values},
    component_name="CertificateStatus",
)
class CertificateStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=CertificateStatus.choices, **kwargs)


class UtcDateTimeField(serializers.DateTimeField):
    """ISO 8601 in UTC (`…Z`), whatever the server's time zone."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", UTC)
        super().__init__(**kwargs)


_UTC_FIELD = UtcDateTimeField()


def utc_iso(value: datetime) -> str:
    """What UtcDateTimeField answers, without a field's per-call lookups, for
    lists built from rows (the thread page formats two times per post)."""
    if value.tzinfo is None:
        return _UTC_FIELD.to_representation(value)
    return value.astimezone(UTC).isoformat().removesuffix("+00:00") + "Z"


class EditionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


# Who signs up without an account (learning.core.person): an RSVP and a seminar
# registration ask the same; each adds its own answers and the consent. No
# docstring: the schema would show it as each request's description.
class PersonRequestSerializer(serializers.Serializer):
    # Blank is the service's to refuse (code name_required), as on the site.
    name = serializers.CharField(max_length=255, allow_blank=True)
    email = serializers.EmailField(max_length=254)
    institution = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )
    country = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    language = serializers.CharField(
        max_length=10,
        required=False,
        allow_blank=True,
        default="",
        help_text="Of the emails; default: the request's language.",
    )
