"""The steps every sign-up runs (an enrolment, an information session's
registration, and the RSVPs and survey answers to come), as small functions.

Each format keeps its own service, error codes and messages and composes these
in its own order: normalise the email, check consent (learning.core.consent) and
the window, lock the parent, return the existing sign-up, check capacity, clean
and save, notify on commit (learning.notifications.services).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django_stubs_ext import StrOrPromise

ObjectT = TypeVar("ObjectT")
ParentT = TypeVar("ParentT", bound=models.Model)
RecordT = TypeVar("RecordT", bound=models.Model)


@dataclass(frozen=True)
class SignUpResult(Generic[ObjectT]):
    """What a sign-up led to; `created` is False when it repeats an earlier one.

    A repeat answers like a new sign-up: callers show a visitor nothing that
    depends on `created` (it is for the platform's own use).
    """

    object: ObjectT
    created: bool


@dataclass(frozen=True)
class Refusal:
    """A format's own message and stable code for one refused step."""

    message: StrOrPromise
    code: str

    def error(self) -> ValidationError:
        return ValidationError(self.message, code=self.code)


def email_normalise(email: str) -> str:
    """The email as sign-ups store and compare it: trimmed, lower case."""
    return email.strip().lower()


def window_open_validate(
    *,
    now: datetime,
    closes_at: datetime,
    closed: Refusal,
    opens_at: datetime | None = None,
    not_open: Refusal | None = None,
) -> None:
    """Refuse a sign-up before `opens_at` (if any) or from `closes_at` on."""
    if opens_at is not None and now < opens_at:
        raise (not_open or closed).error()
    if now >= closes_at:
        raise closed.error()


def parent_lock(
    queryset: "models.QuerySet[ParentT] | models.Manager[ParentT]", *, pk: Any
) -> ParentT:
    """The parent (an edition, a session), its row locked until the transaction ends."""
    # Sign-ups to one parent then run one at a time, so that counts stay true.
    # SQLite ignores it: its IMMEDIATE transactions serialise writers.
    return queryset.select_for_update().get(pk=pk)


def parent_lock_and_count(
    queryset: "models.QuerySet[ParentT] | models.Manager[ParentT]",
    *,
    pk: Any,
    counted_rows: Callable[[ParentT], models.QuerySet[Any]],
) -> tuple[ParentT, int]:
    """Lock the parent, then count its rows that take a place (under the lock)."""
    parent = parent_lock(queryset, pk=pk)
    return parent, counted_rows(parent).count()


def capacity_validate(*, taken: int, capacity: int, full: Refusal) -> None:
    """Refuse a sign-up when every place is taken."""
    if taken >= capacity:
        raise full.error()


def record_save(record: RecordT) -> RecordT:
    """Validate the new sign-up's row against its model, then save it."""
    record.full_clean()
    record.save()
    return record
