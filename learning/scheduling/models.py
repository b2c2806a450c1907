"""Runs of scheduled jobs, one per (job, due time), and the clock's heartbeat."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import JobRunStatus, JobRunTrigger


class JobRun(models.Model):
    """One run of a scheduled job; its (job, due time) pair is its idempotency key."""

    job = models.CharField(_("job"), max_length=100, db_index=True)
    due_at = models.DateTimeField(_("due at"))
    trigger = models.CharField(
        _("trigger"),
        max_length=20,
        choices=JobRunTrigger.choices,
        default=JobRunTrigger.CLOCK,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=JobRunStatus.choices,
        default=JobRunStatus.QUEUED,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    task_result_id = models.CharField(_("task id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    message = models.TextField(_("result"), blank=True)

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")
        ordering = ["-due_at", "-pk"]
        constraints = [
            # Two clocks (or a restarted one) that find the same due time
            # insert one row: the loser's insert fails and it enqueues nothing.
            models.UniqueConstraint(
                fields=["job", "due_at"],
                name="scheduling_jobrun_once_per_due_time",
                violation_error_code="job_run_exists",
            )
        ]
        indexes = [models.Index(fields=["job", "status"])]

    def __str__(self) -> str:
        return f"{self.job} @ {self.due_at:%Y-%m-%d %H:%M:%S}"

    @property
    def duration(self) -> timedelta | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return self.finished_at - self.started_at


class ClockHeartbeat(models.Model):
    """When a clock process last ticked, and how often it ticks."""

    name = models.CharField(_("name"), max_length=50, primary_key=True)
    last_tick_at = models.DateTimeField(_("last tick"))
    tick_seconds = models.PositiveIntegerField(_("tick (seconds)"))

    class Meta:
        verbose_name = _("clock heartbeat")
        verbose_name_plural = _("clock heartbeats")

    def __str__(self) -> str:
        return self.name
