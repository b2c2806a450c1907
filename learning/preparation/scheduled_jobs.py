"""The preparation's periodic job: each person's reminder before a meeting."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .services import meeting_reminders_send


@scheduled_job(
    name="meeting_preparation_reminders",
    label=gettext_lazy("Reminders before meetings"),
    cron="15 * * * *",
    description=gettext_lazy(
        "Emails each participant what is still to review and answer before their "
        "next meetings, the chosen number of days before (once per meeting)."
    ),
)
def meeting_preparation_reminders_send() -> str:
    sent = meeting_reminders_send(now=timezone.now())
    return _("Reminders sent: %(sent)d.") % {"sent": sent}
