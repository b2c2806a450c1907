"""Geometry of the attendance bar chart (inline SVG, no JavaScript)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import template

register = template.Library()

TRACK_WIDTH = 360
TRACK_START = 220
ROW_HEIGHT = 26
THRESHOLD_DEFAULT = 75


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    y: int
    width: int
    label_x: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    track: int
    threshold_x: int


@register.simple_tag(takes_context=True)
def bar_chart_rows(context: template.Context, rows: Iterable[Any]) -> Chart:
    """Bars for (label, percent) rows or Tally objects, one per row."""
    found = context.get("threshold")
    threshold: int = THRESHOLD_DEFAULT if found is None else found
    bars = []
    for index, row in enumerate(rows):
        label, percent = (row.label, row.percent) if hasattr(row, "label") else row
        width = round(TRACK_WIDTH * (percent or 0) / 100)
        bars.append(
            Bar(
                label=str(label),
                percent=percent,
                y=index * ROW_HEIGHT + 4,
                width=width,
                label_x=TRACK_START + width + 6,
            )
        )
    return Chart(
        bars=bars,
        height=max(len(bars), 1) * ROW_HEIGHT + 8,
        track=TRACK_WIDTH,
        threshold_x=TRACK_START + round(TRACK_WIDTH * threshold / 100),
    )
