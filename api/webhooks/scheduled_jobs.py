"""The API's periodic jobs: retry due webhook deliveries, announce edition statuses."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from learning.scheduling.registry import scheduled_job

from .delivery import deliveries_due, delivery_attempt
from .events import edition_statuses_check
from .models import DeliveryStatus


@scheduled_job(
    name="webhooks_deliver",
    label=gettext_lazy("Retry webhook deliveries"),
    cron="* * * * *",
    description=gettext_lazy(
        "Sends the webhook deliveries that failed and whose backoff has passed."
    ),
)
def webhooks_deliver() -> str:
    due = deliveries_due()
    sent = sum(
        delivery_attempt(delivery_id=pk) == DeliveryStatus.SUCCEEDED for pk in due
    )
    return _("%(sent)d of %(due)d due deliveries sent.") % {
        "sent": sent,
        "due": len(due),
    }


@scheduled_job(
    name="webhooks_edition_status",
    label=gettext_lazy("Announce edition statuses"),
    cron="10 * * * *",
    description=gettext_lazy(
        "Sends edition.status_changed for editions whose status changed with time "
        "(enrolment opened or closed, the edition started or finished)."
    ),
)
def webhooks_edition_status() -> str:
    changed = edition_statuses_check()
    return ngettext(
        "%(count)d edition changed status.",
        "%(count)d editions changed status.",
        changed,
    ) % {"count": changed}
