"""The scheduling settings, read when called so that tests can override them."""

from django.conf import settings

DEFAULT_TICK_SECONDS = 30


def tick_seconds() -> int:
    """How often the clock looks for due jobs."""
    name = "LEARNING_SCHEDULING_TICK_SECONDS"
    seconds = getattr(settings, name, DEFAULT_TICK_SECONDS)
    return max(1, int(seconds))
