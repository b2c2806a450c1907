from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    """The platform's clock: periodic jobs, declared by each app, run as tasks."""

    name = "learning.scheduling"
    label = "learning_scheduling"
    verbose_name = _("scheduled jobs")

    def ready(self) -> None:
        # Each installed app declares its periodic jobs in its own
        # `scheduled_jobs.py`, so a new app adds jobs without touching this one.
        autodiscover_modules("scheduled_jobs")
