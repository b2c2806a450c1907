"""Geometry of the dashboard's charts, drawn server-side as inline SVG (no
JavaScript, no library): bars per organisation, a line over the meetings and a
before/after comparison. Templates draw these shapes; each chart has a <title>,
a <desc> and a data table beside it, which carries the same numbers.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .indicators import Average, Change, Rate, Row

WIDTH = 640
LABEL_WIDTH = 200
TRACK = 360
ROW_HEIGHT = 26
PLOT_HEIGHT = 160
SCORE_MAX = 5


def _share(figure: Any) -> float | None:
    """The figure on a 0..1 scale: a rate's share, a score out of 5; else None."""
    if isinstance(figure, Rate):
        return None if figure.percent is None else figure.percent / 100
    if isinstance(figure, Average) and figure.value is not None:
        return float(figure.value) / SCORE_MAX
    return None


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: int
    width: int
    shown: bool


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    track_x: int = LABEL_WIDTH
    track: int = TRACK


def bar_chart(rows: list[Row]) -> BarChart:
    """One horizontal bar per row; rows without a figure get an empty track."""
    bars = []
    for index, row in enumerate(rows):
        share = _share(row.figure)
        bars.append(
            Bar(
                label=row.label,
                text=str(row.figure),
                y=index * ROW_HEIGHT + 4,
                width=round(TRACK * (share or 0)),
                shown=share is not None,
            )
        )
    return BarChart(bars=bars, height=max(len(bars), 1) * ROW_HEIGHT + 8)


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    label: str
    text: str


@dataclass(frozen=True)
class LineChart:
    points: list[Point]
    polyline: str
    height: int = PLOT_HEIGHT + 40
    baseline: int = PLOT_HEIGHT + 10


def line_chart(rows: list[Row]) -> LineChart:
    """A line through the rows' figures in order (the meetings, in time order)."""
    step = (WIDTH - 80) / max(len(rows) - 1, 1)
    points = []
    for index, row in enumerate(rows):
        share = _share(row.figure)
        if share is None:
            continue
        points.append(
            Point(
                x=40 + round(index * step),
                y=10 + round(PLOT_HEIGHT * (1 - share)),
                label=row.label,
                text=str(row.figure),
            )
        )
    return LineChart(points, " ".join(f"{p.x},{p.y}" for p in points))


@dataclass(frozen=True)
class Pair:
    label: str
    y: int
    before: int
    after: int
    text: str


def prepost_chart(rows: list[Row]) -> list[Pair]:
    """Two bars per row with a change: before (light) and after (dark)."""
    pairs: list[Pair] = []
    for row in rows:
        figure = row.figure
        if not isinstance(figure, Change) or figure.value is None:
            continue
        pairs.append(
            Pair(
                label=row.label,
                y=len(pairs) * ROW_HEIGHT * 2 + 4,
                before=_width(figure.before.value),
                after=_width(figure.after.value),
                text=str(figure),
            )
        )
    return pairs


def _width(value: Decimal | None) -> int:
    return round(TRACK * float(value or 0) / SCORE_MAX)
