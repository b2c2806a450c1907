"""Shapes of the calls for proposals endpoints: a call's public fields only.

Proposals, their reviews, scores and questions have no shape here: no endpoint
shows them.
"""

from rest_framework import serializers

from ..content.serializers import StreamBlocksField
from .serializers_fields import UtcDateTimeField
from .shared import TitledSerializer


class CriterionSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The same in every language.")
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    weight = serializers.IntegerField(
        help_text="How much the criterion counts beside the others (1-10)."
    )


class CallSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        help_text="The call (its page in the default language)."
    )
    page_id = serializers.IntegerField(
        help_text="The call page shown (its translation when there is one)."
    )
    title = serializers.CharField(help_text="In the requested language, if translated.")
    locale = serializers.CharField(help_text="The language of the page shown.")
    url = serializers.URLField()
    programme = TitledSerializer()
    theme = serializers.CharField(allow_blank=True)
    guidelines = StreamBlocksField()
    alignment_statement = serializers.CharField(
        help_text="What a member confirms when submitting a proposal."
    )
    opens_at = UtcDateTimeField()
    closes_at = UtcDateTimeField()
    time_zone = serializers.CharField(
        help_text="The call's dates are set and announced in this zone."
    )
    is_open = serializers.BooleanField(help_text="Proposals are taken now.")
    rubric = CriterionSerializer(
        many=True, help_text="What reviewers score, in the requested language."
    )


class PaginatedCallListSerializer(serializers.Serializer):
    """One page of calls (limit/offset)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = CallSerializer(many=True)
