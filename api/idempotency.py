"""`Idempotency-Key` for writes: the first successful answer to a key is kept;
the same key with the same body gets that answer again (header
`Idempotent-Replayed: true`), the same key with another body 422
`idempotency_key_reused`. Keys belong to the caller (an app's key or a person).

The record is written in the same transaction as the write it answers, so a
failed request keeps nothing and may be retried with the same key. Concurrent
requests with one key wait on the record's unique index: one writes, the other
then replays its answer.
"""

import functools
import hashlib
import json
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import ApiClient, IdempotencyRecord

HEADER = "Idempotency-Key"
MAX_LENGTH = 255

View = TypeVar("View", bound=APIView)
Params = ParamSpec("Params")
Handler = Callable[Concatenate[View, Request, Params], Response]


class KeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was already used with a different request."
    )
    default_code = "idempotency_key_reused"


class KeyInProgress(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("A request with this Idempotency-Key is still being handled.")
    default_code = "idempotency_in_progress"


def _owner(request: Request) -> str:
    if isinstance(request.auth, ApiClient):
        return f"client:{request.auth.pk}"
    return f"user:{request.user.pk}"


def _fingerprint(request: Request) -> str:
    body = json.dumps(request.data, sort_keys=True, cls=DjangoJSONEncoder)
    raw = f"{request.method} {request.path}\n{body}"
    return hashlib.sha256(raw.encode()).hexdigest()


def idempotent(
    handler: Handler[View, Params],
) -> Handler[View, Params]:
    """Decorate a POST handler of an APIView (its caller is authenticated)."""

    def wrapper(
        self: View, request: Request, /, *args: Params.args, **kwargs: Params.kwargs
    ) -> Response:
        key = request.headers.get(HEADER, "")
        if not key:
            return handler(self, request, *args, **kwargs)
        if len(key) > MAX_LENGTH:
            raise exceptions.ValidationError(
                {HEADER: [_("At most 255 characters.")]}, code="invalid"
            )
        owner, fingerprint = _owner(request), _fingerprint(request)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = IdempotencyRecord.objects.create(
                        owner=owner, key=key, fingerprint=fingerprint
                    )
            except IntegrityError:
                return _replay(owner=owner, key=key, fingerprint=fingerprint)
            response = handler(self, request, *args, **kwargs)
            record.status_code = response.status_code
            record.body = json.loads(json.dumps(response.data, cls=DjangoJSONEncoder))
            record.save(update_fields=["status_code", "body"])
        return response

    functools.update_wrapper(wrapper, handler)
    return wrapper


def _replay(*, owner: str, key: str, fingerprint: str) -> Response:
    record = IdempotencyRecord.objects.get(owner=owner, key=key)
    if record.fingerprint != fingerprint:
        raise KeyReused()
    if record.status_code is None:
        raise KeyInProgress()
    return Response(
        record.body,
        status=record.status_code,
        headers={"Idempotent-Replayed": "true"},
    )
