"""Template filters of the Scheduled jobs page."""

from datetime import datetime, timedelta

from django import template
from django.utils.timesince import timesince

register = template.Library()

# Naive on purpose: only the difference to it is put in words.
_REFERENCE = datetime(2000, 1, 1)


@register.filter
def period_words(value: timedelta) -> str:
    """A period in words, e.g. "1 minute", "1 day" (translated)."""
    return timesince(_REFERENCE - value, _REFERENCE)
