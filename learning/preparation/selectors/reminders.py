"""Reads of the reminder settings: each person's days before a meeting."""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from learning.core.conf import preparation_reminder_days

from ..models import ReminderPreference

MAX_REMINDER_DAYS = 7


def reminder_days_default() -> int:
    """Days before a meeting for people who chose nothing (0: no reminders)."""
    return max(0, min(preparation_reminder_days(), MAX_REMINDER_DAYS))


def reminder_days_for_users(*, user_ids: Iterable[int]) -> dict[int, int]:
    """Each user's (by id) days before a meeting, the default for the rest."""
    ids = list(user_ids)
    chosen = dict(
        ReminderPreference.objects.filter(user_id__in=ids).values_list(
            "user_id", "days_before"
        )
    )
    default = reminder_days_default()
    return {user_id: chosen.get(user_id, default) for user_id in ids}


def reminder_days_options() -> list[tuple[int, str]]:
    """The choices a person has in their profile."""
    options: list[tuple[int, str]] = [(0, str(_("No reminders")))]
    for days in (1, 2, 3, 7):
        label = ngettext_lazy(
            "%(days)d day before each meeting",
            "%(days)d days before each meeting",
            days,
        ) % {"days": days}
        options.append((days, str(label)))
    return options
