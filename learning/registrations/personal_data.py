"""A person's seminar registrations, for privacy (found by learning.privacy)."""

from typing import Any

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
)

from .models import Registration

FIELDS = (
    "edition__label",
    "status",
    "name",
    "email",
    "institution",
    "country",
    "language",
    "target_group",
    "consent_at",
    "created_at",
    "cancelled_at",
)


def _registrations(person: Person) -> Any:
    return Registration.objects.filter(person.q(email="email"))


def registrations_export(person: Person) -> list[dict[str, Any]]:
    """The person's registrations for seminar runs, cancelled ones too."""
    rows = _registrations(person).select_related("edition")
    return export_rows(rows.order_by("created_at", "pk"), FIELDS)


def registrations_erase(person: Person) -> int:
    # The rows stay so that runs keep their places taken and waitlist order.
    return _registrations(person).update(
        name=person.placeholder_name,
        email=person.placeholder_email,
        institution="",
        country="",
    )


personal_data_register(
    PersonalDataKind(
        key="seminar_registrations",
        label=Registration._meta.verbose_name_plural,
        columns=field_columns(Registration, FIELDS),
        export=registrations_export,
        erase=registrations_erase,
    )
)
