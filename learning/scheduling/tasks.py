"""The one background task that runs every scheduled job; it takes a run's id."""

from django_tasks import task

from .services import job_run_execute


@task()
def scheduled_job_run(*, run_id: int) -> str:
    """Run the job of run `run_id` once and return its summary."""
    return job_run_execute(run_id=run_id)
