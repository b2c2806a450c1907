"""A person's meeting reminder setting and the reminders they were sent, for privacy."""

from typing import Any

from django.db.models import QuerySet

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import MeetingReminder, ReminderPreference

PREFERENCE_FIELDS = ("days_before", "updated_at")
REMINDER_FIELDS = ("meeting", "sent_at", "materials_pending", "questions_pending")


def _preferences(person: Person) -> QuerySet[ReminderPreference]:
    return ReminderPreference.objects.filter(person.q(user="user"))


def _reminders(person: Person) -> QuerySet[MeetingReminder]:
    return MeetingReminder.objects.filter(person.q(user="user"))


def reminder_settings_export(person: Person) -> list[dict[str, Any]]:
    """How many days before each meeting the person chose to be reminded."""
    return export_rows(_preferences(person), PREFERENCE_FIELDS)


def reminder_settings_erase(person: Person) -> int:
    # Deleted: a closed account gets no reminders (the job skips it), so the
    # choice serves nothing.
    deleted, _by_model = _preferences(person).delete()
    return deleted


def reminders_export(person: Person) -> list[dict[str, Any]]:
    """Each reminder sent to the person, and what it said was still to do."""
    rows = _reminders(person).select_related("meeting__session_topic")
    return export_rows(rows.order_by("sent_at", "pk"), REMINDER_FIELDS)


def reminders_erase(person: Person) -> int:
    # Deleted: no count or rate is built on them; they only keep a second run
    # from sending the same reminder, and a closed account is sent none.
    deleted, _by_model = _reminders(person).delete()
    return deleted


personal_data_register(
    PersonalDataKind(
        key="meeting_reminder_settings",
        label=verbose_plural(ReminderPreference),
        columns=field_columns(ReminderPreference, PREFERENCE_FIELDS),
        export=reminder_settings_export,
        erase=reminder_settings_erase,
    ),
    PersonalDataKind(
        key="meeting_reminders",
        label=verbose_plural(MeetingReminder),
        columns=field_columns(MeetingReminder, REMINDER_FIELDS),
        export=reminders_export,
        erase=reminders_erase,
    ),
)
