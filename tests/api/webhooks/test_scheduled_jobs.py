"""A failed webhook delivery is retried by the clock once its backoff has passed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from api.webhooks.models import DeliveryStatus, Event, WebhookDelivery
from tests.factories.learning import EditionFactory
from tests.learning.scheduling.clock import runs_of, tick_at

pytestmark = pytest.mark.django_db

AT_1000 = datetime(2026, 3, 2, 10, 0, 30, tzinfo=UTC)


def test_a_failed_delivery_is_retried_once_when_its_backoff_ends(receiver, subscribe):
    endpoint = subscribe(Event.PAGE_PUBLISHED)
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=Event.PAGE_PUBLISHED,
        payload={"event": Event.PAGE_PUBLISHED},
        attempts=1,
        last_response_code=503,
        next_attempt_at=AT_1000 + timedelta(minutes=1),  # 10:01:30
    )

    tick_at(AT_1000 + timedelta(seconds=40))  # 10:01:10, backoff not over
    assert receiver.requests == []

    tick_at(AT_1000 + timedelta(minutes=1, seconds=35))  # 10:02:05
    tick_at(AT_1000 + timedelta(minutes=2))  # 10:02:30, same due time

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, len(receiver.requests)) == (2, 1)
    assert runs_of("webhooks_deliver")[-1].message == "1 of 1 due deliveries sent."


def test_edition_statuses_are_announced_by_the_hourly_run_once(
    receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.EDITION_STATUS_CHANGED)
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory()
        tick_at(timezone.now().replace(minute=10, second=5))  # records "open"
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    type(edition).objects.filter(pk=edition.pk).update(
        enrolment_opens_at=hour - timedelta(days=60),
        enrolment_closes_at=hour - timedelta(days=30),
        starts_on=(hour - timedelta(days=5)).date(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        tick_at(hour + timedelta(hours=1, minutes=9))
        assert receiver.bodies() == []
        tick_at(hour + timedelta(hours=1, minutes=10, seconds=5))
        tick_at(hour + timedelta(hours=1, minutes=40))

    (payload,) = receiver.bodies()
    assert (payload["data"]["previous_status"], payload["data"]["status"]) == (
        "open",
        "running",
    )
    assert runs_of("webhooks_edition_status")[-1].message == (
        "1 edition changed status."
    )
