"""Shapes of the MEL endpoints: every figure as its kind and value, with the
counts behind it; "too few answers" has no value (the small-group rule)."""

from typing import Any

from rest_framework import serializers

from learning.mel.indicators import Level


class FigureSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["rate", "count", "average", "change", "too_few_answers"]
    )
    value = serializers.FloatField(
        allow_null=True,
        help_text="Percent for a rate, the number for a count, the mean (1-5) for "
        "an average, after minus before for a change; null for too_few_answers.",
    )
    part = serializers.IntegerField(required=False)
    whole = serializers.IntegerField(required=False)
    answers = serializers.IntegerField(required=False)
    respondents = serializers.IntegerField(required=False)
    before = serializers.FloatField(required=False, allow_null=True)
    after = serializers.FloatField(required=False, allow_null=True)
    minimum = serializers.IntegerField(required=False)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return instance.as_data()


class RowSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices)
    key = serializers.CharField(help_text="The breakdown's id (0 for the edition).")
    # A declared field (DRF's metaclass takes it off the class), not Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    figure = FigureSerializer()


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # as RowSerializer's
    counts = serializers.CharField(help_text="What the indicator counts.")
    rows = RowSerializer(many=True)


class MelEditionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField(source="label")
    programme = serializers.CharField(source="programme.title")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class FiltersSerializer(serializers.Serializer):
    module = serializers.IntegerField(required=False, min_value=1)
    organisation = serializers.IntegerField(required=False, min_value=1)
    language = serializers.CharField(required=False, max_length=10)


class ReportSerializer(serializers.Serializer):
    edition = MelEditionSerializer()
    minimum_group = serializers.IntegerField(
        help_text="Breakdowns of fewer respondents show too_few_answers."
    )
    indicators = IndicatorSerializer(many=True)
