"""Scheduled job runs a person started by hand, for privacy."""

from typing import Any

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import JobRun

FIELDS = ("job", "due_at", "status", "created_at")  # status as its label


def job_runs_export(person: Person) -> list[dict[str, Any]]:
    """The runs the person asked for from the admin."""
    rows = JobRun.objects.filter(person.q(user="requested_by")).order_by("pk")
    return export_rows(
        rows,
        ("job", "due_at", "created_at"),
        status=lambda run: run.get_status_display(),
    )


def job_runs_erase(person: Person) -> int:
    # Kept: the run names only the (closed, renamed) account that asked for it,
    # which the schedule's history needs to stay whole.
    return 0


personal_data_register(
    PersonalDataKind(
        key="job_runs",
        label=verbose_plural(JobRun),
        columns=field_columns(JobRun, FIELDS),
        export=job_runs_export,
        erase=job_runs_erase,
    )
)
