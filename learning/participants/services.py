"""Writes of the participant's area: the personal calendar address."""

import secrets
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from .models import CalendarFeed
from .selectors import calendar_token_hash

# 32 random bytes: 256 bits, far beyond guessing.
TOKEN_BYTES = 32


def calendar_feed_regenerate(
    *, user: AbstractBaseUser, now: datetime | None = None
) -> str:
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
