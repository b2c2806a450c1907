"""Writes of the clock: enqueue due jobs once, run them, and Run now."""

import logging
import time
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core.conf import scheduling_tick_seconds
from learning.core.types import AuthUser

from .enums import JobRunStatus, JobRunTrigger
from .models import ClockHeartbeat, JobRun
from .registry import ScheduledJob, job_get, job_list

logger = logging.getLogger(__name__)

CLOCK_NAME = "clock"
# A "Run now" still waiting this long is taken as lost (its task never ran), so
# that it cannot block the button for good.
MANUAL_QUEUE_WINDOW = timedelta(hours=1)


def clock_tick(*, now: datetime | None = None) -> list[JobRun]:
    """Enqueue each job whose latest due time has no run yet; returns the new runs.

    Idempotent per (job, due time): a second clock, or this one again, finds the
    run (or loses the insert race) and enqueues nothing. After downtime each job
    catches up once, for its latest due time only.
    """
    now = now or timezone.now()
    runs = [
        run
        for job in job_list()
        if (run := _run_enqueue(job=job, due_at=job.previous_due(now))) is not None
    ]
    ClockHeartbeat.objects.update_or_create(
        name=CLOCK_NAME,
        defaults={"last_tick_at": now, "tick_seconds": scheduling_tick_seconds()},
    )
    return runs


def _run_enqueue(
    *,
    job: ScheduledJob,
    due_at: datetime,
    trigger: str = JobRunTrigger.CLOCK,
    user: AuthUser | None = None,
) -> JobRun | None:
    if JobRun.objects.filter(job=job.name, due_at=due_at).exists():
        return None
    try:
        # The run row and the queued task commit together (database backend):
        # a clock that dies in between leaves neither.
        with transaction.atomic():
            run = JobRun.objects.create(
                job=job.name, due_at=due_at, trigger=trigger, requested_by=user
            )
            _task_enqueue(run)
    except IntegrityError:
        return None  # another clock inserted this (job, due time) first
    return run


def _task_enqueue(run: JobRun) -> None:
    from .tasks import scheduled_job_run

    result = scheduled_job_run.enqueue(run_id=run.pk)
    JobRun.objects.filter(pk=run.pk, task_result_id="").update(
        task_result_id=str(result.id)
    )


def job_run_now(
    *, name: str, user: AuthUser | None, now: datetime | None = None
) -> JobRun:
    """Queue one run of the job now, unless one is already waiting in the queue."""
    now = now or timezone.now()
    job = job_get(name)
    if job is None:
        raise ValidationError(_("There is no such scheduled job."), code="job_unknown")
    waiting = JobRun.objects.filter(
        job=name, status=JobRunStatus.QUEUED, created_at__gte=now - MANUAL_QUEUE_WINDOW
    )
    if waiting.exists():
        raise ValidationError(
            _("%(job)s is already queued: it will run shortly.") % {"job": job.label},
            code="job_already_queued",
        )
    run = _run_enqueue(job=job, due_at=now, trigger=JobRunTrigger.MANUAL, user=user)
    if run is None:
        raise ValidationError(
            _("%(job)s is already queued: it will run shortly.") % {"job": job.label},
            code="job_already_queued",
        )
    return run


def job_run_execute(*, run_id: int) -> str:
    """Run a queued run's job once, recording its result, duration or failure."""
    if not _run_start(run_id):
        return "not run: taken by another worker, superseded or unknown"
    run = JobRun.objects.get(pk=run_id)
    job = job_get(run.job)
    started = time.monotonic()
    try:
        if job is None:
            raise LookupError(f"no scheduled job is named {run.job!r}")
        summary = _job_call(job)
    except Exception as error:
        logger.exception("Scheduled job %s failed", run.job)
        _run_finish(run, JobRunStatus.FAILED, f"{type(error).__name__}: {error}")
        raise
    logger.info("Scheduled job %s: %s (%.2fs)", run.job, summary, _since(started))
    _run_finish(run, JobRunStatus.SUCCEEDED, summary)
    return summary


def _job_call(job: ScheduledJob) -> str:
    # The job's services open their own transactions. Only when the task runs
    # inside the clock's (the immediate backend) does a savepoint keep a failing
    # job from breaking the clock's transaction.
    if not transaction.get_connection().in_atomic_block:
        return str(job.function())
    with transaction.atomic():
        return str(job.function())


def _run_start(run_id: int) -> bool:
    """Mark the run running; False if it is not queued (a duplicate task)."""
    run = JobRun.objects.filter(pk=run_id).first()
    if run is None:
        return False
    if JobRun.objects.filter(
        job=run.job, status=JobRunStatus.QUEUED, due_at__gt=run.due_at
    ).exists():
        # A worker that was down finds a backlog: run only the latest of it.
        JobRun.objects.filter(pk=run_id, status=JobRunStatus.QUEUED).update(
            status=JobRunStatus.SKIPPED,
            finished_at=timezone.now(),
            message=_("A later run was already queued."),
        )
        return False
    started = JobRun.objects.filter(pk=run_id, status=JobRunStatus.QUEUED).update(
        status=JobRunStatus.RUNNING, started_at=timezone.now()
    )
    return started == 1


def _run_finish(run: JobRun, status: str, message: str) -> None:
    JobRun.objects.filter(pk=run.pk).update(
        status=status, finished_at=timezone.now(), message=message[:2000]
    )


def _since(started: float) -> float:
    return time.monotonic() - started
