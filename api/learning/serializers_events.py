"""Shapes of the learning events endpoints: an event with its RSVP state, an
answer to its invitation, a changed answer and a coordinator's RSVP list."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..content.serializers import PageLinkSerializer
from .serializers_fields import PersonRequestSerializer, UtcDateTimeField
from .shared import TitledSerializer

RSVP_STATUSES = ["open", "full", "not_open", "closed"]


@extend_schema_field(
    {"type": "string", "enum": RSVP_STATUSES}, component_name="RsvpStatus"
)
class RsvpStatusField(serializers.ChoiceField):
    """open, full (only "not attending" is taken), not_open (the translation gate
    holds answers until every language's pages are ready) or closed (past the
    deadline)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=RSVP_STATUSES, **kwargs)


class RsvpStateSerializer(serializers.Serializer):
    is_open = serializers.BooleanField(
        help_text="Answers are taken: before the RSVP deadline, and not held by "
        "the translation gate (status `not_open`)."
    )
    status = RsvpStatusField()
    places_left = serializers.IntegerField(
        allow_null=True, help_text="Null when any number of people may attend."
    )


class BackgroundDocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["learning_note", "agenda", "report", "other"]
    )
    kind_label = serializers.CharField(help_text="The kind, in the request's language.")
    url = serializers.URLField()


class EventRecordingSerializer(serializers.Serializer):
    language = serializers.CharField(
        help_text="The language track (a language code: en, es, fr)."
    )
    url = serializers.URLField(help_text="The recording of that track.")


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The event (use it to answer).")
    title = serializers.CharField(help_text="In the request's language, if translated.")
    page_id = serializers.IntegerField(
        help_text="The event page shown (its translation when there is one)."
    )
    url = serializers.URLField()
    programme = TitledSerializer()
    starts_at = UtcDateTimeField()
    ends_at = UtcDateTimeField()
    duration_minutes = serializers.IntegerField()
    time_zone = serializers.CharField(
        help_text="The organiser's time zone: the deadline is set in it."
    )
    rsvp_closes_at = UtcDateTimeField()
    rsvp = RsvpStateSerializer()
    interpretation_languages = serializers.ListField(
        child=serializers.CharField(),
        help_text="Languages interpreted live (codes), besides the event's own.",
    )
    recordings = EventRecordingSerializer(
        many=True,
        help_text="One per language track, the request's language first; empty "
        "until the event has ended and a recording is added.",
    )
    background_documents = BackgroundDocumentSerializer(many=True)
    learning_note = PageLinkSerializer(
        allow_null=True, help_text="Null until a live learning note is linked."
    )


class PaginatedEventListSerializer(serializers.Serializer):
    """One page of events (limit/offset)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = EventSerializer(many=True)


class RsvpChangeSerializer(serializers.Serializer):
    attending = serializers.BooleanField()


# The change's base first, so that `attending` comes first, as it always has.
class RsvpRequestSerializer(RsvpChangeSerializer, PersonRequestSerializer):
    consent = serializers.BooleanField()


class RsvpReceivedSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    attending = serializers.BooleanField()
    name = serializers.CharField()
    email = serializers.EmailField()
    language = serializers.CharField()


class EventRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()


class RsvpAnswerSerializer(serializers.Serializer):
    event = EventRefSerializer()
    attending = serializers.BooleanField()
    rsvp_closes_at = UtcDateTimeField()
    is_open = serializers.BooleanField(help_text="The answer may still change.")


class RsvpRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    attending = serializers.BooleanField()
    name = serializers.CharField()
    email = serializers.EmailField()
    institution = serializers.CharField()
    country = serializers.CharField()
    language = serializers.CharField()
    answered_at = UtcDateTimeField()
    changed_at = UtcDateTimeField()


class RsvpCountsSerializer(serializers.Serializer):
    attending = serializers.IntegerField()
    not_attending = serializers.IntegerField()
    places_left = serializers.IntegerField(
        allow_null=True, help_text="Null when any number of people may attend."
    )


class RsvpListSerializer(serializers.Serializer):
    event = EventRefSerializer()
    counts = RsvpCountsSerializer()
    count = serializers.IntegerField(help_text="RSVPs in the whole list.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = RsvpRowSerializer(many=True)
