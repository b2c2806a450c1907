"""Where webhooks may go: public internet addresses only.

An endpoint's address is checked when it is saved (a clear error in the admin)
and again at every send, because its DNS answer can change at any time. At send
the host name is resolved once and the connection goes to the address that was
checked, so a second DNS answer (rebinding) cannot slip a private address in.
Loopback is allowed only with `WEBHOOKS_ALLOW_LOOPBACK` (tests, a developer's
own receiver); private, link-local, shared, multicast, reserved and unspecified
addresses never are, nor their IPv4-mapped, 6to4 or NAT64 IPv6 forms.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# IPv6 prefixes that carry an IPv4 address in their last 32 bits (RFC 6052).
NAT64_PREFIXES = [
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
]


@dataclass(frozen=True)
class Target:
    """A checked endpoint: the name for Host and TLS, the address to dial."""

    scheme: str
    host: str
    port: int
    path: str
    address: str


def url_check(*, url: str) -> None:
    """Refuse an endpoint address that may not receive webhooks; the admin's
    form calls it on save. A name that does not resolve yet is accepted here:
    the send checks it again."""
    parts, host = _parts(url)
    try:
        addresses = _resolve(host, _port(parts))
    except ValidationError as error:
        if error.code != "webhook_host_unresolved":
            raise
        return
    for address in addresses:
        _address_check(host=host, address=address)


def target_resolve(*, url: str) -> Target:
    """Resolve the endpoint's host once and check every address it has; the
    sender connects to the returned address only."""
    parts, host = _parts(url)
    port = _port(parts)
    addresses = _resolve(host, port)
    for address in addresses:
        _address_check(host=host, address=address)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(
        scheme=parts.scheme,
        host=host,
        port=port,
        path=path,
        address=str(addresses[0]),
    )


def address_is_allowed(address: IPAddress) -> bool:
    """Whether a webhook may be sent to this IP address."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return address_is_allowed(embedded)
    if address.is_loopback:
        return getattr(settings, "WEBHOOKS_ALLOW_LOOPBACK", False)
    return address.is_global and not (address.is_multicast or address.is_reserved)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if address.version == 4:
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if any(address in prefix for prefix in NAT64_PREFIXES):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _parts(url: str) -> tuple[SplitResult, str]:
    """The address's parts and its host name, once both are checked."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            _("Enter a web address that starts with https:// and names a host."),
            code="webhook_url_invalid",
        )
    if parts.scheme != "https" and not getattr(settings, "WEBHOOKS_ALLOW_HTTP", False):
        raise ValidationError(_("Use an https:// address."), code="https_required")
    return parts, parts.hostname


def _port(parts: SplitResult) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise ValidationError(
            _("The host name %(host)s could not be resolved."),
            code="webhook_host_unresolved",
            params={"host": host},
        ) from error
    # The scope of a link-local IPv6 answer ("fe80::1%eth0") is not part of it.
    return [ipaddress.ip_address(str(answer[4][0]).split("%")[0]) for answer in answers]


def _address_check(*, host: str, address: IPAddress) -> None:
    if not address_is_allowed(address):
        raise ValidationError(
            _(
                "%(host)s points to %(address)s, a private, local or reserved "
                "address; webhooks go only to public internet addresses."
            ),
            code="webhook_address_forbidden",
            params={"host": host, "address": str(address)},
        )
