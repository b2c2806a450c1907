"""A person's information-session registrations, for privacy."""

from typing import Any

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
)

from .models import InfoSessionRegistration

FIELDS = (
    "session__label",
    "name",
    "email",
    "organisation",
    "country",
    "language",
    "consent_at",
    "created_at",
)


def _registrations(person: Person) -> Any:
    return InfoSessionRegistration.objects.filter(person.q(email="email"))


def registrations_export(person: Person) -> list[dict[str, Any]]:
    """The person's sign-ups for information sessions."""
    rows = _registrations(person).select_related("session")
    return export_rows(rows.order_by("created_at", "pk"), FIELDS)


def registrations_erase(person: Person) -> int:
    # The rows stay so that sessions keep their counts; country and language
    # stay as numbers for reporting, they name nobody.
    return _registrations(person).update(
        name=person.placeholder_name, email=person.placeholder_email, organisation=""
    )


personal_data_register(
    PersonalDataKind(
        key="info_session_registrations",
        label=InfoSessionRegistration._meta.verbose_name_plural,
        columns=field_columns(InfoSessionRegistration, FIELDS),
        export=registrations_export,
        erase=registrations_erase,
    )
)
