"""Which rows hold a person's data: each app registers its own kinds.

The privacy app exports and erases one person's data but must not know every
format, so that a new format (proposals, surveys) adds its data without touching
it. Each app registers, in its AppConfig.ready(), one `PersonalDataKind` per
kind of row it keeps about a person: how to list them and how to erase them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import Field, Model, Q
from django.utils.functional import Promise
from django_stubs_ext import StrOrPromise

from learning.core.types import AuthUser


@dataclass(frozen=True)
class Person:
    """The person asked about: an email address and, when they have one, an account.

    `placeholder_email` and `placeholder_name` are what erasure writes instead
    of their address and name: the same every time for the same address.
    """

    email: str
    user: AuthUser | None
    placeholder_email: str
    placeholder_name: str

    def q(self, *, email: str = "", user: str = "") -> Q:
        """Rows whose `email` field is the address or whose `user` field the account."""
        condition = Q(**{f"{email}__iexact": self.email}) if email else Q(pk__in=[])
        if user and self.user is not None:
            condition |= Q(**{user: self.user})
        return condition


@dataclass(frozen=True)
class PersonalDataKind:
    """One kind of row about a person, e.g. forum posts."""

    key: str  # the JSON key of the export, e.g. "forum_posts"
    label: str | Promise  # the heading in the readable export
    # (JSON key, column heading) of each exported row, in display order.
    columns: tuple[tuple[str, str | Promise], ...]
    export: Callable[[Person], list[dict[str, Any]]]
    # Removes or anonymises the rows; returns how many it changed. Runs inside
    # the erasure's transaction; files are deleted with transaction.on_commit.
    erase: Callable[[Person], int]
    # Erasure runs in ascending order: rows found through another kind's rows
    # (attendance through participations) erase before those (order 90).
    order: int = 50


_kinds: dict[str, PersonalDataKind] = {}


def personal_data_register(*kinds: PersonalDataKind) -> None:
    """Add kinds to the export and erasure; a second call with a key replaces it."""
    for kind in kinds:
        _kinds[kind.key] = kind


def personal_data_kinds() -> list[PersonalDataKind]:
    """Every registered kind, in erasure order."""
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def export_value(value: Any) -> Any:
    """A value as JSON keeps it: dates as ISO 8601, files as their names."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Model):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return value


def export_rows(
    rows: Iterable[Any], fields: Iterable[str], **extra: Callable[[Any], Any]
) -> list[dict[str, Any]]:
    """Each row as a dict of `fields` and `extra`.

    A field may be a path ("edition__label"): its key is its first part ("edition").
    """
    fields = tuple(fields)
    result = []
    for row in rows:
        item = {_key(name): export_value(_attribute(row, name)) for name in fields}
        item.update({name: export_value(get(row)) for name, get in extra.items()})
        result.append(item)
    return result


def _attribute(row: Any, path: str) -> Any:
    for part in path.split("__"):
        row = getattr(row, part) if row is not None else None
    return row


def field_columns(
    model: type[Model], fields: Iterable[str]
) -> tuple[tuple[str, str | Promise], ...]:
    """(key, heading) pairs whose headings are the model fields' verbose names.

    A path such as "edition__title" is headed by its first field ("edition").
    """
    return tuple((_key(name), _verbose_name(model, _key(name))) for name in fields)


def _verbose_name(model: type[Model], name: str) -> StrOrPromise:
    field = model._meta.get_field(name)
    # Exported columns are the model's own fields, never reverse relations.
    assert isinstance(field, Field)  # noqa: S101
    return field.verbose_name


def verbose_plural(model: type[Model]) -> StrOrPromise:
    """The model's plural name, the heading of its rows in the readable export."""
    # Django always fills verbose_name_plural in; the stubs allow None.
    return model._meta.verbose_name_plural or model.__name__


def files_delete_on_commit(*, storage: Storage, names: Iterable[str | None]) -> None:
    """Delete the erased rows' files once the erasure has committed."""
    stored = [name for name in names if name]  # a FieldFile without a file has none

    def delete() -> None:
        for name in stored:
            storage.delete(name)

    transaction.on_commit(delete)


def _key(path: str) -> str:
    return path.split("__")[0]


def person_signup_kind(
    *,
    key: str,
    model: type[Model],
    fields: tuple[str, ...],
    related: str,
    blanked: tuple[str, ...] = (),
) -> PersonalDataKind:
    """The kind for a model of sign-ups by people without an account (PersonFields).

    Rows are found by their address and exported with `related` joined. Erasure
    keeps the rows, so that counts, capacity and waiting lists stay true: it writes
    the placeholders over name and address and empties the `blanked` fields.
    """

    def rows(person: Person) -> Any:
        return model._default_manager.filter(person.q(email="email"))

    def export(person: Person) -> list[dict[str, Any]]:
        found = rows(person).select_related(related)
        return export_rows(found.order_by("created_at", "pk"), fields)

    def erase(person: Person) -> int:
        changed: int = rows(person).update(
            name=person.placeholder_name,
            email=person.placeholder_email,
            **dict.fromkeys(blanked, ""),
        )
        return changed

    return PersonalDataKind(
        key=key,
        label=verbose_plural(model),
        columns=field_columns(model, fields),
        export=export,
        erase=erase,
    )
