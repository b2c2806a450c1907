"""A StreamField block that embeds an edition's or an event's indicators as a
table, for the event format's learning note (seed 002: MEL as a learning tool).

The figures are read when the page is shown, through the same selectors as the
dashboard and the API, so the note always agrees with them; breakdowns are not
shown, only the whole edition's or event's figures.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from learning.editions.models import Edition
from learning.events.models import Event

from .indicators import Indicator, edition_report
from .indicators.events import event_indicators


def edition_choices() -> list[tuple[str, str]]:
    """Every edition, newest first, named with its programme."""
    editions = Edition.objects.select_related("programme").order_by("-starts_on")
    return [(str(e.pk), f"{e.programme.title}: {e.label}") for e in editions]


def event_choices() -> list[tuple[str, str]]:
    """Every event, newest first."""
    events = Event.objects.select_related("page").order_by("-starts_at")
    return [(str(e.pk), str(e)) for e in events]


class IndicatorsTableBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    edition = blocks.ChoiceBlock(
        label=_("edition"), choices=edition_choices, required=False
    )
    event = blocks.ChoiceBlock(label=_("event"), choices=event_choices, required=False)

    class Meta:
        icon = "table"
        label = _("Indicators table")
        template = "mel/blocks/indicators_table.html"
        help_text = _("Choose an edition or an event; its figures are shown live.")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if bool(value.get("edition")) == bool(value.get("event")):
            error = ValidationError(
                _("Choose an edition or an event, not both."), code="one_source"
            )
            raise blocks.StructBlockValidationError(block_errors={"event": error})
        return value

    def indicators(self, value: Any) -> list[Indicator]:
        """The chosen edition's or event's indicators; none if it was deleted."""
        if value.get("edition"):
            edition = Edition.objects.filter(pk=value["edition"]).first()
            return [] if edition is None else edition_report(edition=edition).indicators
        event = Event.objects.filter(pk=value.get("event") or 0).first()
        return [] if event is None else event_indicators(event=event)

    def get_context(self, value: Any, parent_context: Any = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(
            value, parent_context=parent_context
        )
        context["indicators"] = [i for i in self.indicators(value) if i.total]
        return context

    def get_api_representation(self, value: Any, context: Any = None) -> Any:
        return {
            "heading": value.get("heading") or "",
            "indicators": [
                {"code": i.code, "label": i.label, "figure": i.total.as_data()}
                for i in self.indicators(value)
                if i.total
            ],
        }
