"""A person's participations and the enrolments they submitted, for privacy."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import Enrolment, Participant

PARTICIPANT_FIELDS = (
    "name",
    "email",
    "edition__label",
    "role",
    "preferred_language",
    "is_active",
    "created_at",
    "replaced_at",
)
ENROLMENT_FIELDS = ("edition__label", "status", "consent_at", "created_at")


def _participants(person: Person) -> QuerySet[Participant]:
    return Participant.objects.filter(person.q(email="email", user="user"))


def participations_export(person: Person) -> list[dict[str, Any]]:
    """Where the person represents an organisation, with the enrolment's status."""
    rows = _participants(person).select_related("edition", "enrolment__organisation")
    return export_rows(
        rows.order_by("created_at", "pk"),
        PARTICIPANT_FIELDS,
        organisation=lambda p: p.enrolment.organisation.name,
        enrolment_status=lambda p: p.enrolment.get_status_display(),
    )


def participations_erase(person: Person) -> int:
    # The rows stay, so places taken, the waitlist and attendance rates do not move.
    changed = _participants(person).update(
        name=person.placeholder_name, email=person.placeholder_email, role=""
    )
    return changed


def submitted_enrolments_export(person: Person) -> list[dict[str, Any]]:
    """Enrolments whose form the person sent (their organisation's place)."""
    rows = Enrolment.objects.filter(person.q(email="submitted_by_email"))
    return export_rows(
        rows.select_related("edition", "organisation").order_by("created_at", "pk"),
        ENROLMENT_FIELDS,
        organisation=lambda e: e.organisation.name,
    )


def submitted_enrolments_erase(person: Person) -> int:
    rows = Enrolment.objects.filter(person.q(email="submitted_by_email"))
    return rows.update(submitted_by_email=person.placeholder_email)


personal_data_register(
    PersonalDataKind(
        key="participations",
        label=verbose_plural(Participant),
        columns=(
            *field_columns(Participant, PARTICIPANT_FIELDS[:3]),
            ("organisation", _("organisation")),
            ("enrolment_status", _("status")),
            *field_columns(Participant, PARTICIPANT_FIELDS[3:]),
        ),
        export=participations_export,
        erase=participations_erase,
        # Last: attendance and certificates find the person through these rows.
        order=90,
    ),
    PersonalDataKind(
        key="submitted_enrolments",
        label=verbose_plural(Enrolment),
        columns=(
            ("organisation", _("organisation")),
            *field_columns(Enrolment, ENROLMENT_FIELDS),
        ),
        export=submitted_enrolments_export,
        erase=submitted_enrolments_erase,
    ),
)
