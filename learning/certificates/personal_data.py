"""A person's certificates, for privacy."""

from typing import Any

from django.db.models import QuerySet

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    files_delete_on_commit,
    personal_data_register,
    verbose_plural,
)

from .models import Certificate

FIELDS = (
    "holder_name",
    "organisation_name",
    "edition_title",
    "hours",
    "issued_at",
    "revoked_at",
    "pdf",
)


def _certificates(person: Person) -> QuerySet[Certificate]:
    q = person.q(email="participant__email", user="participant__user")
    return Certificate.objects.filter(q)


def certificates_export(person: Person) -> list[dict[str, Any]]:
    """The person's certificates as printed (the PDF as its stored name)."""
    rows = _certificates(person).order_by("issued_at", "pk")
    return export_rows(rows, FIELDS, hours=lambda c: str(c.hours))


def certificates_erase(person: Person) -> int:
    # The certificate stays (it counts as issued, its code still verifies) with
    # the placeholder as its name; its PDF goes once the erasure is committed.
    certificates = list(_certificates(person))
    files = [c.pdf.name for c in certificates if c.pdf]
    for certificate in certificates:
        certificate.holder_name = person.placeholder_name
        certificate.pdf = ""
        certificate.save(update_fields=["holder_name", "pdf"])
    if files:
        storage = Certificate._meta.get_field("pdf").storage
        files_delete_on_commit(storage=storage, names=files)
    return len(certificates)


personal_data_register(
    PersonalDataKind(
        key="certificates",
        label=verbose_plural(Certificate),
        columns=field_columns(Certificate, FIELDS),
        export=certificates_export,
        erase=certificates_erase,
    )
)
