"""Shapes of the seminar registration endpoints: registering for a run, and a
coordinator's list of a run's registrations with counts per target group."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.registrations.enums import RegistrationStatus

from .serializers_fields import PersonRequestSerializer, UtcDateTimeField

REGISTRATION_STATUSES = RegistrationStatus.values


@extend_schema_field(
    {"type": "string", "enum": REGISTRATION_STATUSES},
    component_name="SeminarRegistrationStatus",
)
class SeminarRegistrationStatusField(serializers.ChoiceField):
    """confirmed, waitlisted or cancelled (one component in the schema)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=REGISTRATION_STATUSES, **kwargs)


class SeminarRegistrationRequestSerializer(PersonRequestSerializer):
    target_group = serializers.CharField(
        max_length=64,
        allow_blank=True,
        help_text="A target group's `id` from the programme page's "
        "`target_groups` (the same in every language).",
    )
    consent = serializers.BooleanField()


class SeminarRegistrationReceivedSerializer(serializers.Serializer):
    edition = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()
    language = serializers.CharField()
    waitlisted = serializers.BooleanField(
        help_text="Every place was taken: the person is on the waitlist."
    )


class SeminarRegistrationRunSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    places = serializers.IntegerField()
    places_left = serializers.IntegerField()


class SeminarGroupCountSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Empty: no group, or one since removed.")
    name = serializers.CharField(help_text="In the request's language.")
    confirmed = serializers.IntegerField()
    waitlisted = serializers.IntegerField()


class SeminarRegistrationRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = SeminarRegistrationStatusField()
    name = serializers.CharField()
    email = serializers.EmailField()
    institution = serializers.CharField()
    country = serializers.CharField()
    language = serializers.CharField()
    target_group = serializers.CharField()
    target_group_name = serializers.CharField()
    registered_at = UtcDateTimeField()
    cancelled_at = UtcDateTimeField(allow_null=True)


class SeminarRegistrationListSerializer(serializers.Serializer):
    edition = SeminarRegistrationRunSerializer()
    groups = SeminarGroupCountSerializer(many=True)
    count = serializers.IntegerField(help_text="Registrations in the whole list.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SeminarRegistrationRowSerializer(many=True)
