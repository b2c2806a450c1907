"""Issuing, hashing and checking secrets. A key reads `<kind>_<prefix>_<secret>`;
only sha256(secret) is stored, the prefix finds the row."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from learning.core.prepared import (
    PreparedValues,
    instance_from_values,
    model_columns,
)
from learning.core.types import AuthUser

from .models import ApiClient, PersonalToken

CLIENT_KIND = "mlpk"
TOKEN_KIND = "mlpt"  # noqa: S105 (a key prefix, not a secret)
# last_used_at is written at most this often per credential.
LAST_USED_EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class IssuedKey:
    prefix: str
    secret: str
    key: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _issue(kind: str) -> IssuedKey:
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return IssuedKey(prefix=prefix, secret=secret, key=f"{kind}_{prefix}_{secret}")


def api_client_issue_key(*, client: ApiClient) -> str:
    """Give client a new key (replacing any old one); returns it, shown once."""
    issued = _issue(CLIENT_KIND)
    client.prefix = issued.prefix
    client.key_hash = _digest(issued.secret)
    return issued.key


@transaction.atomic
def personal_token_create(
    *, user: AuthUser, name: str = ""
) -> tuple[PersonalToken, str]:
    issued = _issue(TOKEN_KIND)
    token = PersonalToken.objects.create(
        user=user, name=name, prefix=issued.prefix, key_hash=_digest(issued.secret)
    )
    return token, issued.key


@transaction.atomic
def personal_token_revoke(*, token: PersonalToken, user: AuthUser) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log(instance=token, action="api.token_revoke", user=user)


@transaction.atomic
def api_client_revoke(*, client: ApiClient, user: AuthUser) -> None:
    if client.revoked_at is None:
        client.revoked_at = timezone.now()
        client.save(update_fields=["revoked_at"])
        log(instance=client, action="api.client_revoke", user=user)


def credential_for_key(key: str) -> ApiClient | PersonalToken | None:
    """The ApiClient or PersonalToken a key belongs to, active or not; None if no
    row matches or the secret is wrong."""
    try:
        kind, prefix, secret = key.split("_", 2)
    except ValueError:
        return None
    credential = _credential_row(kind=kind, prefix=prefix)
    if credential is None or not hmac.compare_digest(
        credential.key_hash, _digest(secret)
    ):
        return None
    return credential


def credential_touch(credential: ApiClient | PersonalToken) -> None:
    """Record the use, at most once per LAST_USED_EVERY (one UPDATE, no read)."""
    now = timezone.now()
    if credential.last_used_at and now - credential.last_used_at < LAST_USED_EVERY:
        return
    type(credential).objects.filter(pk=credential.pk).update(last_used_at=now)
    credential.last_used_at = now


def _client_query(shape: tuple[()], *, prefix: str) -> QuerySet[ApiClient, Any]:
    return ApiClient.objects.filter(prefix=prefix).values(*_CLIENT_COLUMNS)


def _token_query(shape: tuple[()], *, prefix: str) -> QuerySet[PersonalToken, Any]:
    # Authentication reads the token's person next: one query for both.
    return PersonalToken.objects.filter(prefix=prefix).values(
        *_TOKEN_COLUMNS, *_USER_COLUMNS
    )


_CLIENT_COLUMNS = model_columns(ApiClient)
_TOKEN_COLUMNS = model_columns(PersonalToken)
_USER_COLUMNS = model_columns(get_user_model(), prefix="user__")
# Every API request with a key looks it up: compiled once, not per request.
_CLIENT_ROW = PreparedValues(_client_query, slots={"prefix": str})
_TOKEN_ROW = PreparedValues(_token_query, slots={"prefix": str})


def _credential_row(*, kind: str, prefix: str) -> ApiClient | PersonalToken | None:
    if kind == CLIENT_KIND:
        rows = _CLIENT_ROW.run(prefix=prefix)
        return instance_from_values(ApiClient, rows[0]) if rows else None
    if kind == TOKEN_KIND:
        rows = _TOKEN_ROW.run(prefix=prefix)
        if not rows:
            return None
        token = instance_from_values(PersonalToken, rows[0])
        token.user = instance_from_values(get_user_model(), rows[0], prefix="user__")
        return token
    return None
