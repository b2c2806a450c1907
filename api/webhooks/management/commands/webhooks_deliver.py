"""Send webhook deliveries that are due (first tries that failed to send, and
retries after their backoff). Run it every minute (cron or the worker host)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from api.webhooks.delivery import deliveries_due, delivery_attempt
from api.webhooks.models import DeliveryStatus


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due."

    def handle(self, *args: Any, **options: Any) -> None:
        due = deliveries_due()
        sent = sum(
            delivery_attempt(delivery_id=pk) == DeliveryStatus.SUCCEEDED for pk in due
        )
        self.stdout.write(
            _("%(sent)d of %(due)d due deliveries sent.")
            % {"sent": sent, "due": len(due)}
        )
