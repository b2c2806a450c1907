"""A person's API tokens and stored write answers, for the privacy export/erasure."""

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

from .models import IdempotencyRecord, PersonalToken

TOKEN_FIELDS = ("name", "prefix", "created_at", "last_used_at", "revoked_at")


def _tokens(person: Person) -> QuerySet[PersonalToken]:
    return PersonalToken.objects.filter(person.q(user="user"))


def tokens_export(person: Person) -> list[dict[str, Any]]:
    """The person's tokens (never their secret, which is not kept)."""
    return export_rows(_tokens(person).order_by("created_at", "pk"), TOKEN_FIELDS)


def tokens_erase(person: Person) -> int:
    # Deleted, so that no app keeps acting for the person; replayed answers to
    # their writes (which may quote what they sent) go with them.
    if person.user is not None:
        IdempotencyRecord.objects.filter(owner=f"user:{person.user.pk}").delete()
    deleted, _by_model = _tokens(person).delete()
    return deleted


personal_data_register(
    PersonalDataKind(
        key="api_tokens",
        label=verbose_plural(PersonalToken),
        columns=field_columns(PersonalToken, TOKEN_FIELDS),
        export=tokens_export,
        erase=tokens_erase,
    )
)
