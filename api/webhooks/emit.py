"""Recording deliveries: rows are written with the change that caused them and
handed to the task after it commits, never sent on the request path.

Imports point one way: emit → tasks → delivery (import-linter checks it)."""

import functools
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint
from .tasks import webhook_deliver


def event_emit(*, event: str, data: dict[str, Any]) -> list[int]:
    """Record a delivery of `event` for each active endpoint subscribed to it and
    send them once the current transaction commits; returns their ids."""
    payload = {
        "event": event,
        "created_at": timezone.now(),
        "data": data,
    }
    payload = json.loads(json.dumps(payload, cls=DjangoJSONEncoder))
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if event in endpoint.events
    ]
    ids = [
        WebhookDelivery.objects.create(
            endpoint=endpoint,
            event=event,
            payload=payload,
            next_attempt_at=timezone.now(),
        ).pk
        for endpoint in endpoints
    ]
    for delivery_id in ids:
        transaction.on_commit(
            functools.partial(webhook_deliver.enqueue, delivery_id=delivery_id),
            robust=True,
        )
    return ids
