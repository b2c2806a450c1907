"""Writes of the participant's area: the personal calendar address."""

import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from learning.core.types import AuthUser

from .models import CalendarFeed
from .selectors import calendar_token_hash

# 32 random bytes: 256 bits, far beyond guessing.
TOKEN_BYTES = 32


def calendar_feed_regenerate(*, user: AuthUser, now: datetime | None = None) -> str:
    """Give the user a new calendar token (the old one stops working); returns it."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        CalendarFeed.objects.update_or_create(
            user=user,
            defaults={
                "token_hash": calendar_token_hash(token=token),
                "created_at": now or timezone.now(),
            },
        )
    return token
