"""A person's calendar address, for privacy."""

from typing import Any

from django.db.models import QuerySet

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import CalendarFeed

FIELDS = ("created_at",)


def _feeds(person: Person) -> QuerySet[CalendarFeed]:
    return CalendarFeed.objects.filter(person.q(user="user"))


def calendar_feeds_export(person: Person) -> list[dict[str, Any]]:
    """Whether the person has a calendar address, and since when (not its secret)."""
    return export_rows(_feeds(person), FIELDS)


def calendar_feeds_erase(person: Person) -> int:
    # Deleted: the address stops working at once.
    deleted, _by_model = _feeds(person).delete()
    return deleted


personal_data_register(
    PersonalDataKind(
        key="calendar_feeds",
        label=verbose_plural(CalendarFeed),
        columns=field_columns(CalendarFeed, FIELDS),
        export=calendar_feeds_export,
        erase=calendar_feeds_erase,
    )
)
