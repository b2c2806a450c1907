"""Reads of one person's data across learning: who they are and what they did.

What each app keeps about a person is registered by that app
(learning.core.personal_data); this module asks every registered kind.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from learning.core.personal_data import Person, export_value, personal_data_kinds
from learning.core.types import AuthUser

# Only these user fields are exported, and only those the user model has.
USER_EXPORT_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "preferred_language",
    "time_zone",
    "is_active",
    "date_joined",
    "last_login",
)
ERASED_DOMAIN = "invalid"


@dataclass(frozen=True)
class PersonDataSection:
    """One kind of data in the readable export: a heading and a table."""

    key: str
    label: str | Promise
    headings: list[str | Promise]
    rows: list[list[Any]]


def person_email_normalise(*, email: str) -> str:
    """The email address as compared everywhere: trimmed and lower case."""
    return email.strip().lower()


def person_erased_email(*, email: str) -> str:
    """The stable placeholder that replaces an erased person's email address."""
    digest = salted_hmac(
        "learning.privacy.erased", person_email_normalise(email=email)
    ).hexdigest()
    return f"erased-{digest[:12]}@{ERASED_DOMAIN}"


def person_get(*, email: str) -> Person:
    """The person under an email address: the address and their account, if any."""
    email = person_email_normalise(email=email)
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    user = user_model._default_manager.filter(
        **{f"{email_field}__iexact": email}
    ).first()
    placeholder = person_erased_email(email=email)
    return Person(
        email=email,
        user=user,
        placeholder_email=placeholder,
        placeholder_name=placeholder.partition("@")[0],
    )


def person_data_collect(*, person: Person) -> dict[str, list[dict[str, Any]]]:
    """Every registered kind's rows about the person, by kind key."""
    return {kind.key: kind.export(person) for kind in personal_data_kinds()}


def person_is_known(*, person: Person) -> bool:
    """Whether any data is kept about the person."""
    if person.user is not None:
        return True
    return any(kind.export(person) for kind in personal_data_kinds())


def person_is_erased(*, email: str) -> bool:
    """Whether the person behind this address was already erased."""
    placeholder = person_erased_email(email=email)
    return person_is_known(person=person_get(email=placeholder))


def person_data_export(*, email: str) -> dict[str, Any]:
    """Everything learning keeps about one person, as JSON-ready data."""
    person = person_get(email=email)
    collected = person_data_collect(person=person)
    if person.user is None and not any(collected.values()):
        raise ValidationError(
            _("No personal data is kept under this email address."),
            code="person_not_found",
        )
    return {"email": person.email, "user": _user_export(person.user), **collected}


def person_data_sections(*, data: dict[str, Any]) -> list[PersonDataSection]:
    """An export as headed tables, in the registry's order, for people to read."""
    sections = []
    for kind in personal_data_kinds():
        rows = data.get(kind.key) or []
        sections.append(
            PersonDataSection(
                key=kind.key,
                label=kind.label,
                headings=[heading for _key, heading in kind.columns],
                rows=[[row.get(key) for key, _h in kind.columns] for row in rows],
            )
        )
    return sections


def _user_export(user: AuthUser | None) -> dict[str, Any] | None:
    if user is None:
        return None
    names = {field.name for field in user._meta.get_fields()}
    return {
        name: export_value(getattr(user, name))
        for name in USER_EXPORT_FIELDS
        if name in names
    }
