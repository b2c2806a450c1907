"""The translation gate's fields on the edition, event and information session
details: each language's status and whether sign-up may open."""

from django.db.models import Model
from rest_framework import serializers

from learning.core.models import OpeningState
from learning.core.openings import opening_gate, opening_report


class GateSerializer(serializers.Serializer):
    translation = serializers.DictField(
        child=serializers.CharField(),
        help_text="{language code: status} for every language of the programme: "
        "missing, outdated, in_review or up_to_date, over the pages people read "
        "for it (the programme, its modules and session topics, the event page).",
    )
    gate = serializers.ChoiceField(
        choices=OpeningState.choices,
        help_text="blocked while sign-up waits for those pages; open once it may "
        "open by its dates (a later change of a page closes nothing).",
    )


def gate_data(subject: Model) -> dict:
    """The two fields for one subject (the detail views only: a few queries)."""
    return {
        "translation": opening_report(subject=subject).languages,
        "gate": opening_gate(subject=subject),
    }
