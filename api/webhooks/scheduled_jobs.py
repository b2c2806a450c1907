"""The API's periodic job: retry the webhook deliveries that are due."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .delivery import deliveries_due, delivery_attempt
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
