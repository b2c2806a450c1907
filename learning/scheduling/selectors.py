"""Reads of the clock: each job's last run, next run and failures; clock health."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.db.models import Max, Q
from django.utils import timezone

from .enums import JobRunStatus
from .models import ClockHeartbeat, JobRun
from .registry import ScheduledJob, job_list
from .services import CLOCK_NAME

FAILURES_SHOWN = 3
# More missed ticks than this and the dashboard says the clock is not running.
STALE_TICKS = 2


@dataclass
class JobStatus:
    """One row of the Scheduled jobs page."""

    job: ScheduledJob
    schedule: str
    period: timedelta
    next_due: datetime
    last_run: JobRun | None
    failures: list[JobRun] = field(default_factory=list)


def job_status_list(*, now: datetime | None = None) -> list[JobStatus]:
    """Every declared job with its last run and latest failures, in three queries.

    Callers: the admin's Scheduled jobs page.
    """
    now = now or timezone.now()
    jobs = job_list()
    latest = _latest_runs([job.name for job in jobs])
    failures = _recent_failures([job.name for job in jobs])
    return [
        JobStatus(
            job=job,
            schedule=job.schedule,
            period=job.period(now),
            next_due=job.next_due(now),
            last_run=latest.get(job.name),
            failures=failures.get(job.name, []),
        )
        for job in jobs
    ]


def _latest_runs(names: list[str]) -> dict[str, JobRun]:
    due_times = (
        JobRun.objects.filter(job__in=names)
        .values("job")
        .annotate(latest=Max("due_at"))
        .values_list("job", "latest")
    )
    pairs = [Q(job=job, due_at=due_at) for job, due_at in due_times]
    if not pairs:
        return {}
    runs = JobRun.objects.filter(reduce(or_, pairs)).select_related("requested_by")
    return {run.job: run for run in runs}


def _recent_failures(names: list[str]) -> dict[str, list[JobRun]]:
    recent = JobRun.objects.filter(job__in=names, status=JobRunStatus.FAILED)[
        : FAILURES_SHOWN * max(len(names), 1) * 4
    ]
    grouped: dict[str, list[JobRun]] = {}
    for run in recent:
        if len(grouped.setdefault(run.job, [])) < FAILURES_SHOWN:
            grouped[run.job].append(run)
    return grouped


@dataclass(frozen=True)
class ClockHealth:
    """When the clock last ticked, and whether it missed more than two ticks."""

    last_tick_at: datetime | None
    tick_seconds: int | None
    is_stale: bool


def clock_health(*, now: datetime | None = None) -> ClockHealth:
    """Whether a clock process is ticking. Callers: the admin dashboard panel."""
    now = now or timezone.now()
    beat = ClockHeartbeat.objects.filter(name=CLOCK_NAME).first()
    if beat is None:
        return ClockHealth(last_tick_at=None, tick_seconds=None, is_stale=True)
    allowed = timedelta(seconds=beat.tick_seconds * STALE_TICKS)
    return ClockHealth(
        last_tick_at=beat.last_tick_at,
        tick_seconds=beat.tick_seconds,
        is_stale=now - beat.last_tick_at > allowed,
    )
