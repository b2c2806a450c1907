"""The values an indicator shows: a rate, a count, an average, a change, or
"too few answers" where a breakdown is too small to show (the small-group rule).

Every place that shows an indicator (the admin report, the exports, the API, the
learning note's table) reads these objects, so the numbers agree everywhere.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Rate:
    """`part` of `whole` (e.g. marks "present" of the marks that count)."""

    part: int
    whole: int
    kind = "rate"

    @property
    def percent(self) -> int | None:
        """Whole percent, rounded down as certificates compare it; None if empty."""
        return self.part * 100 // self.whole if self.whole else None

    @property
    def value(self) -> int | None:
        return self.percent

    def __str__(self) -> str:
        if self.whole == 0:
            return "—"
        return f"{self.percent}% ({self.part}/{self.whole})"

    def as_data(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.percent} | {
            "part": self.part,
            "whole": self.whole,
        }


@dataclass(frozen=True)
class Count:
    """A number of things (certificates issued, organisations waiting)."""

    count: int
    kind = "count"

    @property
    def value(self) -> int:
        return self.count

    def __str__(self) -> str:
        return str(self.count)

    def as_data(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.count}


def _one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Average:
    """The mean of `answers` scores (1 to 5) given by `respondents` people."""

    total: int
    answers: int
    respondents: int
    kind = "average"

    @property
    def value(self) -> Decimal | None:
        """The mean to one decimal; None when nobody answered."""
        if not self.answers:
            return None
        return _one_decimal(Decimal(self.total) / self.answers)

    def __str__(self) -> str:
        return "—" if self.value is None else f"{self.value}"

    def as_data(self) -> dict[str, Any]:
        value = self.value
        return {
            "kind": self.kind,
            "value": None if value is None else float(value),
            "answers": self.answers,
            "respondents": self.respondents,
        }


@dataclass(frozen=True)
class Change:
    """A self-assessment before and after a module, and the difference."""

    before: Average
    after: Average
    kind = "change"

    @property
    def value(self) -> Decimal | None:
        """After minus before, to one decimal; None when either side is empty."""
        if self.before.value is None or self.after.value is None:
            return None
        return _one_decimal(self.after.value - self.before.value)

    def __str__(self) -> str:
        if self.value is None:
            return "—"
        return f"{self.before} → {self.after} ({self.value:+})"

    def as_data(self) -> dict[str, Any]:
        value = self.value
        return {
            "kind": self.kind,
            "value": None if value is None else float(value),
            "before": self.before.as_data()["value"],
            "after": self.after.as_data()["value"],
            "respondents": min(self.before.respondents, self.after.respondents),
        }


@dataclass(frozen=True)
class TooFewAnswers:
    """In place of figures when fewer people answered than the minimum group.

    It carries no number on purpose: a breakdown of one or two people's answers
    would let a reader trace them to a person.
    """

    minimum: int
    kind = "too_few_answers"
    value = None

    def __str__(self) -> str:
        return _("too few answers")

    def as_data(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": None, "minimum": self.minimum}


Figure = Rate | Count | Average | Change | TooFewAnswers


def figure_guarded(
    figure: Average | Change, *, respondents: int, minimum: int
) -> Average | Change | TooFewAnswers:
    """The figure, or TooFewAnswers when fewer than `minimum` people answered."""
    return TooFewAnswers(minimum=minimum) if respondents < minimum else figure


@dataclass(frozen=True)
class Row:
    """One line of an indicator: its level, the thing it is about, its figure."""

    level: str
    key: str
    label: str
    figure: Any

    def as_data(self) -> dict[str, Any]:
        return {"level": self.level, "key": self.key, "label": self.label} | {
            "figure": self.figure.as_data()
        }


@dataclass
class Indicator:
    """One indicator of an edition, every level at once (edition row first)."""

    code: str
    label: str
    counts: str
    rows: list[Row]

    def at(self, level: str) -> list[Row]:
        """The rows of one level, in their order."""
        return [row for row in self.rows if row.level == level]

    @property
    def total(self) -> Any:
        """The edition-wide figure, or None when the indicator has none."""
        rows = self.at("edition")
        return rows[0].figure if rows else None

    @property
    def levels(self) -> list[str]:
        return list(dict.fromkeys(row.level for row in self.rows))
