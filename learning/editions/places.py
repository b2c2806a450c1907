"""Who takes an edition's places: registered by the format that fills them.

An edition has places but does not know who takes them, so that editions sit
below the formats. Each format that fills places (enrolments: organisations;
seminar registrations: people) registers, in its AppConfig.ready(), which of
its rows hold a place and what to do when places are added (offer them to its
waitlist). An edition's rows come from one format (its programme's), so the
places taken are the sum over the formats. A site without one counts none.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q, Value
from django.db.models.expressions import Combinable

if TYPE_CHECKING:
    from .models import Edition


@dataclass(frozen=True)
class PlaceHolders:
    """The rows that hold an edition's places, seen from `Edition`."""

    relation: str  # the reverse accessor from Edition, e.g. "enrolments"
    field: str  # the field whose value says whether a row holds a place
    values: Collection[str]
    # Runs under the edition's lock after its places changed.
    places_changed: Callable[..., object]  # its result, if any, is not used


_holders: dict[str, PlaceHolders] = {}  # by relation


def place_holders_register(holders: PlaceHolders) -> None:
    """Count `holders` in the editions' places taken; a second call replaces it."""
    _holders[holders.relation] = holders


def places_taken_annotation() -> Combinable:
    """An expression for `Edition.objects.annotate()`: places taken, same query."""
    # distinct: two formats' joins multiply each other's rows.
    counts = [
        Count(
            h.relation,
            filter=Q(**{f"{h.relation}__{h.field}__in": h.values}),
            distinct=len(_holders) > 1,
        )
        for h in _holders.values()
    ]
    return sum(counts[1:], counts[0]) if counts else Value(0)


def places_taken_count(*, edition: "Edition") -> int:
    """Places taken of one edition, one query per format."""
    return sum(
        getattr(edition, h.relation).filter(**{f"{h.field}__in": h.values}).count()
        for h in _holders.values()
    )


def places_changed(*, edition: "Edition", now: datetime) -> None:
    """Tell the format the edition's places changed (it may offer new ones)."""
    for h in _holders.values():
        h.places_changed(edition=edition, now=now)
