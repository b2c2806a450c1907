"""Who takes an edition's places: registered by the format that fills them.

An edition has places but does not know who takes them, so that editions sit
below the formats. The enrolments app registers, in its AppConfig.ready(),
which of its rows hold a place and what to do when places are added (offer
them to its waitlist). A site without such a format counts no place taken.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q, Value

if TYPE_CHECKING:
    from .models import Edition


@dataclass(frozen=True)
class PlaceHolders:
    """The rows that hold an edition's places, seen from `Edition`."""

    relation: str  # the reverse accessor from Edition, e.g. "enrolments"
    field: str  # the field whose value says whether a row holds a place
    values: Collection[str]
    # Runs under the edition's lock after its places changed.
    places_changed: Callable[..., None]


_holders: list[PlaceHolders] = []  # at most one: one format fills the places


def place_holders_register(holders: PlaceHolders) -> None:
    """Count `holders` as the editions' places taken; a second call replaces it."""
    _holders[:] = [holders]


def places_taken_annotation() -> Count | Value:
    """An expression for `Edition.objects.annotate()`: places taken, same query."""
    if not _holders:
        return Value(0)
    h = _holders[0]
    return Count(h.relation, filter=Q(**{f"{h.relation}__{h.field}__in": h.values}))


def places_taken_count(*, edition: "Edition") -> int:
    """Places taken of one edition, in one query."""
    if not _holders:
        return 0
    h = _holders[0]
    return getattr(edition, h.relation).filter(**{f"{h.field}__in": h.values}).count()


def places_changed(*, edition: "Edition", now: datetime) -> None:
    """Tell the format the edition's places changed (it may offer new ones)."""
    for h in _holders:
        h.places_changed(edition=edition, now=now)
