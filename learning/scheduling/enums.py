"""Statuses and triggers of scheduled job runs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")
    # A later run of the same job was already queued: it does the work instead.
    SKIPPED = "skipped", _("skipped")


class JobRunTrigger(models.TextChoices):
    CLOCK = "clock", _("clock")
    MANUAL = "manual", _("run now")
