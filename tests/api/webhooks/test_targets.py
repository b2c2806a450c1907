"""Where webhooks may go: public addresses only, checked when an endpoint is
saved and again at every send (resolved once, dialled as checked), with no
redirect followed and no answer's body kept."""

import shutil
import socket
import ssl
import subprocess
from contextlib import contextmanager

import pytest
import standardwebhooks
from django.core.exceptions import ValidationError
from django.urls import reverse

from api.webhooks.delivery import delivery_attempt
from api.webhooks.models import DeliveryStatus, Event, WebhookDelivery
from api.webhooks.targets import url_check

from .conftest import INTERNAL_SECRET, serving

FORBIDDEN = [
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",  # noqa: S104 (an address refused, not one bound)
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "127.0.0.1",
    "[::1]",
    "[::]",
    "[fe80::1]",
    "[fc00::1]",
    "[ff02::1]",
    "[2001:db8::1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:10.0.0.1]",
    "[::ffff:169.254.169.254]",
    "[2002:a9fe:a9fe::1]",
    "[64:ff9b::a9fe:a9fe]",
]
PUBLIC = ["93.184.215.14", "[2606:4700:4700::1111]"]


def pending_delivery(endpoint):
    return WebhookDelivery.objects.create(
        endpoint=endpoint, event=Event.PAGE_PUBLISHED, payload={"event": "x"}
    )


@pytest.fixture
def no_loopback(settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = False


@pytest.fixture
def resolver(monkeypatch):
    """Answers for made-up names, in turn; counts the look-ups."""
    real = socket.getaddrinfo
    answers = {}
    calls = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        calls.append(host)
        turn = answers[host][min(len(calls), len(answers[host])) - 1]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in turn]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, calls


@pytest.mark.parametrize("host", FORBIDDEN)
def test_private_local_and_reserved_addresses_are_refused(host, no_loopback):
    with pytest.raises(ValidationError) as refused:
        url_check(url=f"https://{host}/hook")

    assert refused.value.code == "webhook_address_forbidden"


@pytest.mark.parametrize("host", PUBLIC)
def test_public_addresses_are_accepted(host, no_loopback):
    url_check(url=f"https://{host}/hook")


def test_loopback_is_allowed_only_by_its_setting(settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = True
    url_check(url="http://127.0.0.1:8001/hook")
    url_check(url="http://[::ffff:127.0.0.1]:8001/hook")

    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    with pytest.raises(ValidationError):
        url_check(url="http://127.0.0.1:8001/hook")


@pytest.mark.parametrize(
    "url",
    ["https://169.254.169.254/latest/meta-data/", "https://[::ffff:10.0.0.1]/"],
)
def test_the_admin_refuses_an_internal_address_with_a_clear_error(
    superuser_client, url
):
    form = {"name": "Inside", "url": url, "events": ["page.published"]}

    response = superuser_client.post(reverse("webhooks:add"), form)

    assert response.status_code == 200
    assert "webhooks go only to public internet addresses" in (
        response.content.decode()
    )
    assert not WebhookDelivery.objects.exists()
    assert not response.context["form"].is_valid()


def test_the_admin_edit_refuses_an_internal_address_too(superuser_client, subscribe):
    endpoint = subscribe(Event.PAGE_PUBLISHED, url="https://partner.example.org/")
    form = {"name": "Partner", "url": "https://10.1.2.3/", "events": ["page.published"]}

    superuser_client.post(reverse("webhooks:edit", args=[endpoint.pk]), form)

    endpoint.refresh_from_db()
    assert endpoint.url == "https://partner.example.org/"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_a_loopback_receiver_gets_nothing_when_loopback_is_off(
    host, receiver, subscribe, no_loopback
):
    endpoint = subscribe(Event.PAGE_PUBLISHED, url=receiver.url)
    endpoint.url = receiver.url.replace("127.0.0.1", host)
    endpoint.save()
    delivery = pending_delivery(endpoint)

    status = delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert receiver.requests == []
    assert status == DeliveryStatus.PENDING
    assert delivery.last_response_code is None
    assert "public internet addresses" in delivery.last_error


def test_an_endpoint_saved_before_the_rule_is_refused_at_send(subscribe, settings):
    settings.WEBHOOKS_TIMEOUT = 1
    endpoint = subscribe(Event.PAGE_PUBLISHED, url="http://169.254.169.254/hook")
    delivery = pending_delivery(endpoint)

    delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert "169.254.169.254" in delivery.last_error
    assert "public internet addresses" in delivery.last_error


def test_a_redirect_is_not_followed_and_no_answer_body_is_kept(
    receiver, internal, subscribe, superuser_client
):
    receiver.redirect_to = internal.url
    endpoint = subscribe(Event.PAGE_PUBLISHED)
    delivery = pending_delivery(endpoint)

    delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    inspect = superuser_client.get(
        reverse("webhook_deliveries:inspect", args=[delivery.pk])
    )
    assert len(receiver.requests) == 1
    assert internal.requests == []
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.last_status_line == "302 Found"
    assert INTERNAL_SECRET not in inspect.content.decode()
    assert "302 Found" in inspect.content.decode()


def test_a_name_with_any_internal_answer_is_refused(receiver, subscribe, resolver):
    answers, _calls = resolver
    answers["partner.test"] = [["127.0.0.1", "10.0.0.7"]]
    port = receiver.url.split(":")[2].split("/")[0]
    endpoint = subscribe(Event.PAGE_PUBLISHED, url=f"http://partner.test:{port}/")
    delivery = pending_delivery(endpoint)

    delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert receiver.requests == []
    assert "10.0.0.7" in delivery.last_error


def test_the_address_checked_is_the_address_dialled(
    receiver, subscribe, resolver, settings
):
    """DNS rebinding: a second look-up would answer an internal address."""
    settings.WEBHOOKS_TIMEOUT = 1
    answers, calls = resolver
    answers["rebind.test"] = [["127.0.0.1"], ["10.0.0.7"]]
    port = receiver.url.split(":")[2].split("/")[0]
    endpoint = subscribe(Event.PAGE_PUBLISHED, url=f"http://rebind.test:{port}/h")
    delivery = pending_delivery(endpoint)

    status = delivery_attempt(delivery_id=delivery.pk)

    ((headers, _body),) = receiver.requests
    assert status == DeliveryStatus.SUCCEEDED
    assert calls == ["rebind.test"]
    assert headers["host"] == f"rebind.test:{port}"


def certificate(folder, name: str):
    """A self-signed certificate for `name` and its key, made with openssl."""
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes"]
    command += ["-days", "1", "-keyout", str(key), "-out", str(cert)]
    command += ["-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}"]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603
    return cert, key


@pytest.fixture
def tls_site(tmp_path, resolver, monkeypatch):
    """An https receiver at partner.test (resolved to 127.0.0.1), whose
    certificate names `name`; the sender trusts it only when asked to."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")

    @contextmanager
    def make(name: str, *, trusted: bool):
        cert, key = certificate(tmp_path, name)
        server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_side.load_cert_chain(cert, key)
        if trusted:
            default = ssl.create_default_context
            monkeypatch.setattr(
                ssl, "create_default_context", lambda: default(cafile=str(cert))
            )
        resolver[0]["partner.test"] = [["127.0.0.1"]]
        with serving(tls=server_side) as site:
            site.url = site.url.replace("127.0.0.1", "partner.test")
            yield site

    return make


@pytest.mark.parametrize(
    ("name", "trusted", "delivered"),
    [
        ("partner.test", True, True),
        ("partner.test", False, False),
        ("other.test", True, False),
    ],
)
def test_https_is_verified_against_the_url_s_host_name(
    tls_site, subscribe, name, trusted, delivered
):
    """The sender dials the checked address, yet TLS still checks the name."""
    with tls_site(name, trusted=trusted) as site:
        endpoint = subscribe(Event.PAGE_PUBLISHED, url=site.url)
        delivery = pending_delivery(endpoint)

        status = delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert (status == DeliveryStatus.SUCCEEDED) is delivered
    assert len(site.requests) == int(delivered)
    if delivered:
        ((headers, body),) = site.requests
        assert standardwebhooks.Webhook(endpoint.secret).verify(body, headers)
    else:
        assert "certificate" in delivery.last_error.lower()
