"""Move the clock: tick the scheduler at a given time, as the clock process would."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import time_machine
from django_tasks_db.models import DBTaskResult

from learning.scheduling import registry
from learning.scheduling.models import JobRun
from learning.scheduling.registry import ScheduledJob, job_register
from learning.scheduling.services import clock_tick


def tick_at(when: datetime) -> list[JobRun]:
    """One tick of the clock with the time frozen at `when` (jobs run immediately)."""
    with time_machine.travel(when, tick=False):
        return clock_tick()


def runs_of(job: str) -> list[JobRun]:
    """The job's runs, oldest first."""
    return list(JobRun.objects.filter(job=job).order_by("due_at"))


def work_queue() -> list[object]:
    """Run the database queue's ready tasks in order, as `db_worker --batch` does.

    In-process, because the real worker closes the test's database connection
    (tests/e2e/test_make_run.py runs the real one).
    """
    values = []
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.claim("test-worker")
        task_result = row.task_result
        value = row.task.call(*task_result.args, **task_result.kwargs)
        row.set_successful(value)
        values.append(value)
    return values


@contextmanager
def declared(job: ScheduledJob) -> Iterator[ScheduledJob]:
    """Declare `job` as an app would, for the duration of a test."""
    job_register(job)
    try:
        yield job
    finally:
        registry._jobs.pop(job.name, None)
