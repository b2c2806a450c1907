"""Sending deliveries recorded by `emit`: one attempt at a time (the task, or the
`webhooks_deliver` job), failures retried with backoff. Nothing here imports
`tasks` or `emit`: they import this module."""

import json
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from . import sender
from .models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from .signing import signature_headers
from .targets import target_resolve

# Waits before the 2nd, 3rd, ... attempt.
BACKOFF = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
]


def max_attempts() -> int:
    return getattr(settings, "WEBHOOKS_MAX_ATTEMPTS", len(BACKOFF) + 1)


def delivery_attempt(*, delivery_id: int, now: datetime | None = None) -> str:
    """Send one pending delivery; record the answer; schedule a retry on failure.
    Returns the delivery's status afterwards."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .select_related("endpoint")
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
            .first()
        )
        if delivery is None:
            # Sent or given up already (e.g. by another worker): nothing to do.
            return (
                WebhookDelivery.objects.filter(pk=delivery_id)
                .values_list("status", flat=True)
                .first()
                or ""
            )
        claimed_until = now + timedelta(minutes=5)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            next_attempt_at=claimed_until
        )
    body = json.dumps(delivery.payload, sort_keys=True).encode()
    answer = _post(delivery.endpoint, delivery.pk, body)
    delivery.attempts += 1
    delivery.last_response_code = answer.code
    delivery.last_status_line = answer.status_line
    delivery.last_error = answer.error
    if answer.code is not None and 200 <= answer.code < 300:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif delivery.attempts >= max_attempts():
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
    else:
        wait = BACKOFF[min(delivery.attempts - 1, len(BACKOFF) - 1)]
        delivery.next_attempt_at = now + wait
    delivery.save()
    return delivery.status


def deliveries_due(*, now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        WebhookDelivery.objects.filter(
            status=DeliveryStatus.PENDING, next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )


def _post(endpoint: WebhookEndpoint, delivery_id: int, body: bytes) -> sender.Answer:
    # Checked at every send: the URL may predate a rule, its DNS answer change.
    try:
        target = target_resolve(url=endpoint.url)
    except ValidationError as error:
        return sender.Answer(code=None, status_line="", error=error.messages[0][:255])
    try:
        headers = signature_headers(
            secret=endpoint.secret, msg_id=str(delivery_id), body=body
        )
    except ValueError:  # a secret set by hand, not base64: nothing to sign with
        unsigned = gettext("The endpoint's signing secret is not valid base64.")
        return sender.Answer(code=None, status_line="", error=unsigned)
    headers["user-agent"] = "MutualLearningPlatform-Webhooks/1"
    timeout = getattr(settings, "WEBHOOKS_TIMEOUT", 10)
    return sender.post(target=target, body=body, headers=headers, timeout=timeout)
