"""The one schedule of the platform: every periodic job, declared by its app.

An app declares its jobs in its own `scheduled_jobs.py` (found at start-up by
`SchedulingConfig.ready`) with `@scheduled_job(...)` on a function that takes no
argument and returns a one-line summary. The clock (`scheduling_clock`) enqueues
each job as a background task when its cron expression comes due.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from croniter import croniter
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.functional import Promise

from learning.core.conf import scheduled_job_schedules

JobFunction = Callable[[], str]

_jobs: dict[str, "ScheduledJob"] = {}


@dataclass(frozen=True)
class ScheduledJob:
    """A periodic job: its stable name, label, default cron expression and code."""

    name: str
    label: str | Promise
    cron: str
    function: JobFunction
    description: str | Promise = ""

    @property
    def schedule(self) -> str:
        """The cron expression in force: the site's override, else the default."""
        overrides = scheduled_job_schedules()
        return str(overrides.get(self.name, self.cron))

    def previous_due(self, now: datetime) -> datetime:
        """The latest due time at or before `now` (cron read in the site's zone)."""
        # croniter's get_prev is strictly earlier than its start: start just after.
        start = timezone.localtime(now) + timedelta(microseconds=1)
        due: datetime = croniter(self.schedule, start).get_prev(datetime)
        return due

    def next_due(self, now: datetime) -> datetime:
        """The first due time after `now`."""
        due: datetime = croniter(self.schedule, timezone.localtime(now)).get_next(
            datetime
        )
        return due

    def period(self, now: datetime) -> timedelta:
        """The time between two runs after `now` (cron periods may vary)."""
        first = self.next_due(now)
        second: datetime = croniter(self.schedule, first).get_next(datetime)
        return second - first


def scheduled_job(
    *, name: str, label: str | Promise, cron: str, description: str | Promise = ""
) -> Callable[[JobFunction], JobFunction]:
    """Declare the decorated function as the periodic job `name`."""

    def register(function: JobFunction) -> JobFunction:
        job_register(
            ScheduledJob(
                name=name,
                label=label,
                cron=cron,
                function=function,
                description=description,
            )
        )
        return function

    return register


def job_register(job: ScheduledJob) -> None:
    """Add `job` to the schedule; a name is declared once (re-imports are fine)."""
    existing = _jobs.get(job.name)
    if existing is not None and (
        existing.function.__qualname__ != job.function.__qualname__
        or existing.function.__module__ != job.function.__module__
    ):
        raise ImproperlyConfigured(f"Two scheduled jobs are named {job.name!r}.")
    if not croniter.is_valid(job.schedule):
        raise ImproperlyConfigured(
            f"Scheduled job {job.name!r}: {job.schedule!r} is not a cron expression."
        )
    _jobs[job.name] = job


def job_list() -> list[ScheduledJob]:
    """Every declared job, by name."""
    return [_jobs[name] for name in sorted(_jobs)]


def job_get(name: str) -> ScheduledJob | None:
    """The job declared as `name`, if any."""
    return _jobs.get(name)
