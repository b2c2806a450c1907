"""Background task of webhooks; it takes ids, never objects."""

from django_tasks import task

from .delivery import delivery_attempt


@task()
def webhook_deliver(*, delivery_id: int) -> str:
    """Send one delivery (a failure is retried later by `webhooks_deliver`)."""
    return delivery_attempt(delivery_id=delivery_id)
