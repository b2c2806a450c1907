"""A person's attendance marks, for privacy."""

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

from .models import Attendance

FIELDS = ("meeting", "status", "minutes_present", "marked_at")


def _attendance(person: Person) -> QuerySet[Attendance]:
    q = person.q(email="participant__email", user="participant__user")
    return Attendance.objects.filter(q)


def attendance_export(person: Person) -> list[dict[str, Any]]:
    """The person's presence at each meeting they were marked for."""
    rows = _attendance(person).select_related("meeting__session_topic")
    return export_rows(
        rows.order_by("meeting__starts_at", "pk"),
        ("meeting", "minutes_present", "marked_at"),
        status=lambda mark: mark.get_status_display(),
    )


def attendance_erase(person: Person) -> int:
    # Kept: marks belong to the anonymised participation and hold no name;
    # attendance rates and certificate eligibility stay as they were.
    return 0


personal_data_register(
    PersonalDataKind(
        key="attendance",
        label=verbose_plural(Attendance),
        columns=field_columns(Attendance, FIELDS),
        export=attendance_export,
        erase=attendance_erase,
    )
)
