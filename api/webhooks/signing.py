"""Signatures of webhook deliveries.

Each POST carries `Webhook-Id` (the delivery id), `Webhook-Timestamp` (Unix
seconds) and `Webhook-Signature: v1=<hex>`, the HMAC-SHA256 of
`"<timestamp>.<raw body>"` under the endpoint's secret. A receiver recomputes
it over the raw body, compares in constant time, and refuses timestamps more
than a few minutes old (replays).
"""

import hashlib
import hmac
import time

TOLERANCE_SECONDS = 300


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    return "v1=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_headers(*, secret: str, delivery_id: int, body: bytes) -> dict:
    timestamp = int(time.time())
    return {
        "Content-Type": "application/json",
        "Webhook-Id": str(delivery_id),
        "Webhook-Timestamp": str(timestamp),
        "Webhook-Signature": signature(secret=secret, timestamp=timestamp, body=body),
    }


def signature_verify(
    *, secret: str, headers: dict, body: bytes, now: float | None = None
) -> bool:
    """What a receiver does (also used by the tests)."""
    try:
        timestamp = int(headers["Webhook-Timestamp"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, headers.get("Webhook-Signature", ""))
