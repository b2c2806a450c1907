"""Webhooks: deliveries of page, translation, edition and certificate events,
signed as Standard Webhooks (verified here with its reference library as the
receiver), sent after the change commits, retried with backoff, listed in the
admin with their status lines."""

import importlib
import time
from datetime import timedelta

import pytest
import standardwebhooks
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from api.webhooks.delivery import BACKOFF, deliveries_due, delivery_attempt
from api.webhooks.models import (
    DeliveryStatus,
    Event,
    WebhookDelivery,
    WebhookEndpoint,
    secret_generate,
)
from api.webhooks.signing import signature, signature_headers
from tests.api.conftest import translate
from tests.factories import UserFactory
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    programme_tree,
)
from tests.factories.pages import StandardPageFactory


def test_a_signature_verifies_only_with_the_secret_body_id_and_a_fresh_time():
    secret = secret_generate()
    receiver = standardwebhooks.Webhook(secret)
    body = b'{"event": "page.published"}'
    headers = signature_headers(secret=secret, msg_id="41", body=body)
    stale = int(time.time()) - 600
    replayed = {
        **headers,
        "webhook-timestamp": str(stale),
        "webhook-signature": signature(
            secret=secret, msg_id="41", timestamp=stale, body=body
        ),
    }

    assert receiver.verify(body, headers) == {"event": "page.published"}
    assert secret.startswith("whsec_")
    for bad_secret, bad_body, bad_headers in [
        (secret_generate(), body, headers),
        (secret, body + b" ", headers),
        (secret, body, {**headers, "webhook-id": "42"}),
        (secret, body, replayed),
    ]:
        with pytest.raises(standardwebhooks.WebhookVerificationError):
            standardwebhooks.Webhook(bad_secret).verify(bad_body, bad_headers)


def test_publishing_a_page_sends_a_signed_event_with_its_locale(
    home_pages, receiver, subscribe, django_capture_on_commit_callbacks
):
    endpoint = subscribe(Event.PAGE_PUBLISHED)
    page = StandardPageFactory(parent=home_pages["en"], slug="news", live=False)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    ((headers, body),) = receiver.requests
    payload = standardwebhooks.Webhook(endpoint.secret).verify(body, headers)
    assert payload["event"] == "page.published"
    assert payload["data"]["id"] == page.pk
    assert payload["data"]["locale"] == "en"
    assert payload["data"]["url"].endswith("/en/news/")
    delivery = WebhookDelivery.objects.get()
    assert headers["webhook-id"] == str(delivery.pk)
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.last_response_code == 200
    assert delivery.last_status_line == "200 OK"


def test_unpublish_and_translation_events(
    home_pages, locales, receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.PAGE_UNPUBLISHED, Event.TRANSLATION_PUBLISHED)
    page = StandardPageFactory(parent=home_pages["en"], slug="about")

    with django_capture_on_commit_callbacks(execute=True):
        spanish = translate(page, locales["es"], slug="acerca")
        page.unpublish()

    assert receiver.events() == ["translation.published", "page.unpublished"]
    translation, unpublished = receiver.bodies()
    assert translation["data"]["id"] == spanish.pk
    assert translation["data"]["locale"] == "es"
    assert translation["data"]["source_id"] == page.pk
    assert unpublished["data"]["id"] == page.pk


def test_an_endpoint_gets_only_the_events_it_subscribed_to(
    home_pages, receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.CERTIFICATE_ISSUED)
    subscribe(Event.PAGE_PUBLISHED, name="Paused", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_pages["en"]).save_revision().publish()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_rolled_back_change_sends_nothing(
    home_pages, receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.PAGE_PUBLISHED)
    page = StandardPageFactory(parent=home_pages["en"], live=False)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            page.save_revision().publish()
            raise RuntimeError("the request failed after publishing")

    assert callbacks == []
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_filling_the_last_place_announces_the_edition_fully_booked(
    db, receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.EDITION_STATUS_CHANGED)
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory(places=1)

    with django_capture_on_commit_callbacks(execute=True):
        EnrolmentFactory(edition=edition)

    (payload,) = receiver.bodies()
    assert payload["data"] == {
        "edition_id": edition.pk,
        "title": edition.title,
        "previous_status": "open",
        "status": "fully_booked",
    }


def test_the_hourly_command_announces_changes_that_come_with_time(
    db, receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.EDITION_STATUS_CHANGED)
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory()
    type(edition).objects.filter(pk=edition.pk).update(
        enrolment_opens_at=timezone.now() - timedelta(days=60),
        enrolment_closes_at=timezone.now() - timedelta(days=30),
        starts_on=(timezone.now() - timedelta(days=5)).date(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("webhooks_edition_status")
        call_command("webhooks_edition_status")

    (payload,) = receiver.bodies()
    assert (payload["data"]["previous_status"], payload["data"]["status"]) == (
        "open",
        "running",
    )


def test_issuing_a_certificate_sends_ids_only(
    db, receiver, subscribe, django_capture_on_commit_callbacks
):
    from learning.certificates.services import certificate_issue
    from tests.factories.learning import ParticipantFactory

    subscribe(Event.CERTIFICATE_ISSUED)
    tree = programme_tree(modules=1, topics_per_module=1)
    participant = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=EditionFactory(programme=tree.programme)),
        name="Ana Holder",
    )

    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(
            participant=participant, actor=UserFactory(), reason="By hand", force=True
        )

    (payload,) = receiver.bodies()
    assert payload["event"] == "certificate.issued"
    assert payload["data"]["certificate_id"] == certificate.pk
    assert payload["data"]["edition_id"] == participant.edition_id
    assert "Ana Holder" not in str(payload)
    assert participant.email not in str(payload)


def test_a_failed_delivery_is_retried_with_backoff_then_delivered(
    home_pages, receiver, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.PAGE_PUBLISHED)
    receiver.codes = [500, 503]

    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_pages["en"]).save_revision().publish()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.last_response_code == 500
    assert delivery.attempts == 1
    waited = delivery.next_attempt_at - timezone.now()
    assert BACKOFF[0] - timedelta(seconds=5) < waited <= BACKOFF[0]
    assert deliveries_due() == []

    later = timezone.now() + BACKOFF[0] + timedelta(seconds=1)
    assert deliveries_due(now=later) == [delivery.pk]
    delivery_attempt(delivery_id=delivery.pk, now=later)
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_response_code) == (2, 503)
    assert delivery.next_attempt_at == later + BACKOFF[1]

    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("webhooks_deliver")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.last_response_code == 200
    assert len(receiver.requests) == 3
    ids = {headers["webhook-id"] for headers, _body in receiver.requests}
    assert ids == {str(delivery.pk)}


def test_a_delivery_gives_up_after_the_last_attempt(
    home_pages, receiver, subscribe, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_MAX_ATTEMPTS = 2
    subscribe(Event.PAGE_PUBLISHED)
    receiver.codes = [500, 500, 500]

    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_pages["en"]).save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    delivery_attempt(delivery_id=delivery.pk, now=delivery.next_attempt_at)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.next_attempt_at is None
    assert delivery_attempt(delivery_id=delivery.pk) == DeliveryStatus.FAILED
    assert len(receiver.requests) == 2


def test_an_unreachable_endpoint_records_the_error(
    home_pages, subscribe, django_capture_on_commit_callbacks
):
    subscribe(Event.PAGE_PUBLISHED, url="http://127.0.0.1:9/closed")

    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_pages["en"]).save_revision().publish()

    delivery = WebhookDelivery.objects.get()
    assert delivery.last_response_code is None
    assert delivery.last_error
    assert delivery.status == DeliveryStatus.PENDING


def test_the_admin_lists_deliveries_with_their_codes(
    home_pages,
    receiver,
    subscribe,
    superuser_client,
    django_capture_on_commit_callbacks,
):
    subscribe(Event.PAGE_PUBLISHED)
    receiver.codes = [502]
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_pages["en"]).save_revision().publish()
    delivery = WebhookDelivery.objects.get()

    listing = superuser_client.get(reverse("webhook_deliveries:index"))
    inspect = superuser_client.get(
        reverse("webhook_deliveries:inspect", args=[delivery.pk])
    )
    add = superuser_client.get(reverse("webhook_deliveries:add"))

    assert listing.status_code == 200
    assert "502" in listing.content.decode()
    assert "502 Bad Gateway" in inspect.content.decode()
    assert "try later" not in inspect.content.decode()
    assert add.status_code in (302, 403)


def test_creating_an_endpoint_shows_its_secret_once(superuser_client, settings):
    form = {
        "name": "Partner",
        "url": "https://partner.example.org/hooks",
        "events": ["page.published"],
        "is_active": "on",
    }
    response = superuser_client.post(reverse("webhooks:add"), form, follow=True)
    endpoint = WebhookEndpoint.objects.get(name="Partner")
    again = superuser_client.get(reverse("webhooks:edit", args=[endpoint.pk]))
    settings.WEBHOOKS_ALLOW_HTTP = False
    plain = superuser_client.post(
        reverse("webhooks:add"),
        {**form, "name": "Plain", "url": "http://partner.example.org/"},
    )

    assert endpoint.secret in response.content.decode()
    assert endpoint.secret not in again.content.decode()
    assert endpoint.events == ["page.published"]
    assert not WebhookEndpoint.objects.filter(name="Plain").exists()
    assert plain.status_code == 200


def test_staff_without_the_permission_see_no_deliveries(client, db):
    from django.contrib.auth.models import Permission

    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    response = client.get(reverse("webhook_deliveries:index"), follow=True)

    assert response.status_code in (200, 403)
    assert "Webhook deliveries" not in response.content.decode() or (
        response.redirect_chain
    )


def test_an_endpoint_from_before_the_standard_keeps_its_key(
    home_pages, receiver, subscribe, django_capture_on_commit_callbacks
):
    """Its secret is rewritten in standard base64: the app that kept the old
    URL-safe string verifies with `-` read as `+` and `_` as `/`."""
    from django.apps import apps

    migration = importlib.import_module(
        "api.webhooks.migrations.0002_secrets_standard_webhooks"
    )
    token = "ab-_" * 10 + "xyz"  # URL-safe base64, as secrets.token_urlsafe(32)
    old = "whsec_" + token
    endpoint = subscribe(Event.PAGE_PUBLISHED)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(secret=old)

    migration.secrets_to_standard(apps, None)
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_pages["en"]).save_revision().publish()

    ((headers, body),) = receiver.requests
    kept = "whsec_" + token.replace("-", "+").replace("_", "/")
    assert standardwebhooks.Webhook(kept).verify(body, headers)["event"] == (
        "page.published"
    )
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(old).verify(body, headers)


def test_a_secret_that_is_not_base64_fails_the_attempt_not_the_worker(
    receiver, subscribe
):
    endpoint = subscribe(Event.PAGE_PUBLISHED)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(secret="whsec_not*base64")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event=Event.PAGE_PUBLISHED, payload={}
    )

    assert delivery_attempt(delivery_id=delivery.pk) == DeliveryStatus.PENDING

    delivery.refresh_from_db()
    assert "not valid base64" in delivery.last_error
    assert receiver.requests == []
