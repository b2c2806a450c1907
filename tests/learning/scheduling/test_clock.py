"""The clock enqueues each due job once per due time, catches up once, runs once."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from learning.scheduling.enums import JobRunStatus, JobRunTrigger
from learning.scheduling.models import JobRun
from learning.scheduling.registry import ScheduledJob, job_get, job_list
from learning.scheduling.services import clock_tick, job_run_now
from learning.scheduling.tasks import scheduled_job_run
from tests.learning.concurrency import require_concurrent_database, run_at_once

from .clock import declared, runs_of, tick_at, work_queue

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NOON = datetime(2026, 3, 2, 12, 0, 20, tzinfo=UTC)


def test_every_periodic_job_of_the_platform_is_on_the_one_schedule():
    names = {job.name for job in job_list()}

    assert {
        "wagtail_publish_scheduled",
        "webhooks_deliver",
        "forum_digests",
        "certificates_issue",
        "materials_delete_orphans",
        "webhooks_edition_status",
        "events_learning_notes",
        "enrolment_offers_expire",
    } <= names


def test_a_second_tick_for_the_same_due_time_enqueues_nothing():
    first = tick_at(NOON)
    second = tick_at(NOON + timedelta(seconds=30))

    assert {run.job for run in first} == {job.name for job in job_list()}
    assert second == []
    (run,) = runs_of("webhooks_deliver")
    assert run.due_at == datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    assert run.status == JobRunStatus.SUCCEEDED
    assert run.finished_at is not None
    assert run.message == "0 of 0 due deliveries sent."


def test_after_an_hour_of_downtime_each_job_catches_up_once():
    tick_at(NOON)
    tick_at(NOON + timedelta(hours=1))

    due_times = [run.due_at for run in runs_of("webhooks_deliver")]
    assert due_times == [
        datetime(2026, 3, 2, 12, 0, tzinfo=UTC),
        datetime(2026, 3, 2, 13, 0, tzinfo=UTC),
    ]
    # The hourly digest job missed one due time (12:05) and runs once for 13:05's
    # predecessor, not once per missed hour.
    assert len(runs_of("forum_digests")) == 2


@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_runs_a_backlog_once_for_its_latest_due_time():
    tick_at(NOON)
    tick_at(NOON + timedelta(minutes=1))
    # Every job once for its latest due time, then the every-minute ones again.
    every_minute = [job for job in job_list() if job.schedule == "* * * * *"]
    assert DBTaskResult.objects.count() == len(job_list()) + len(every_minute)

    work_queue()

    older, newer = runs_of("webhooks_deliver")
    assert older.status == JobRunStatus.SKIPPED
    assert newer.status == JobRunStatus.SUCCEEDED


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_delivered_twice_runs_the_job_once():
    (run,) = [r for r in tick_at(NOON) if r.job == "webhooks_deliver"]
    scheduled_job_run.enqueue(run_id=run.pk)  # a duplicate of the clock's task

    values = work_queue()

    run.refresh_from_db()
    assert run.status == JobRunStatus.SUCCEEDED
    assert sorted(v for v in values if "deliveries" in v or "not run" in v) == [
        "0 of 0 due deliveries sent.",
        "not run: taken by another worker, superseded or unknown",
    ]


def broken() -> str:
    raise OSError("the bucket is unreachable")


def test_a_failing_job_records_its_failure_and_message():
    job = ScheduledJob(
        name="test_broken", label="Broken", cron="* * * * *", function=broken
    )
    with declared(job):
        tick_at(NOON)

    (run,) = runs_of("test_broken")
    assert run.status == JobRunStatus.FAILED
    assert run.message == "OSError: the bucket is unreachable"
    assert run.duration is not None
    # The others ran regardless.
    assert runs_of("webhooks_deliver")[0].status == JobRunStatus.SUCCEEDED


def test_a_new_app_declares_a_job_without_touching_the_clock():
    job = ScheduledJob(
        name="test_every_ten_minutes",
        label="Every ten minutes",
        cron="*/10 * * * *",
        function=lambda: "done",
    )
    with declared(job):
        tick_at(NOON)
        tick_at(NOON + timedelta(minutes=9))
        tick_at(NOON + timedelta(minutes=10))

    assert [(r.due_at.minute, r.message) for r in runs_of(job.name)] == [
        (0, "done"),
        (10, "done"),
    ]


@override_settings(TASKS=DATABASE_TASKS)
def test_run_now_enqueues_once_until_the_worker_takes_it(superuser):
    run = job_run_now(name="forum_digests", user=superuser)

    with pytest.raises(ValidationError) as excinfo:
        job_run_now(name="forum_digests", user=superuser)

    assert excinfo.value.code == "job_already_queued"
    assert (run.trigger, run.requested_by) == (JobRunTrigger.MANUAL, superuser)
    assert DBTaskResult.objects.count() == 1
    work_queue()
    run.refresh_from_db()
    assert run.status == JobRunStatus.SUCCEEDED
    assert job_run_now(name="forum_digests", user=superuser).pk != run.pk


def test_run_now_refuses_an_unknown_job(superuser):
    with pytest.raises(ValidationError) as excinfo:
        job_run_now(name="no_such_job", user=superuser)

    assert excinfo.value.code == "job_unknown"


@override_settings(LEARNING_SCHEDULED_JOB_SCHEDULES={"forum_digests": "30 6 * * *"})
def test_a_site_overrides_a_job_schedule():
    job = job_get("forum_digests")

    assert job.schedule == "30 6 * * *"
    assert job.next_due(NOON) == datetime(2026, 3, 3, 6, 30, tzinfo=UTC)
    assert job.period(NOON) == timedelta(days=1)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_two_clocks_ticking_at_once_enqueue_each_due_job_once():
    require_concurrent_database()

    outcome = run_at_once(clock_tick, [{"now": NOON}, {"now": NOON}])

    assert outcome.errors == []
    assert JobRun.objects.count() == len(job_list())
    assert DBTaskResult.objects.count() == len(job_list())
    # The clocks may share the work, job by job, but never enqueue one twice.
    assert sum(len(runs) for runs in outcome.results) == len(job_list())
