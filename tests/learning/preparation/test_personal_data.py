"""A person's reminder setting and the reminders they were sent: in their export,
gone after erasure, and not sent again to the closed account."""

from datetime import timedelta

import pytest
from django.core import mail

from learning.preparation.models import MeetingReminder, ReminderPreference
from learning.preparation.services import (
    meeting_reminders_send,
    reminder_preference_set,
)
from learning.privacy.selectors import person_data_export, person_data_sections
from learning.privacy.services import person_data_erase

from .conftest import PrepWorld

pytestmark = pytest.mark.django_db
ANA = "participant-a@example.org"
COLLEAGUE = "colleague-a@example.org"


@pytest.fixture
def reminded(world: PrepWorld, django_capture_on_commit_callbacks) -> PrepWorld:
    """Ana chose 3 days, her colleague 1; all three were reminded of module 1."""
    reminder_preference_set(user=world.participant_a.user, days=3)
    reminder_preference_set(user=world.colleague_a.user, days=1)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_reminders_send(now=world.module_1.starts_at - timedelta(hours=12))
    return world


def erase(django_capture_on_commit_callbacks, email: str = ANA):
    with django_capture_on_commit_callbacks(execute=True):
        return person_data_erase(email=email, actor=None)


def test_the_export_lists_the_reminder_choice_and_the_reminders_sent(reminded):
    data = person_data_export(email=ANA)

    assert [s["days_before"] for s in data["meeting_reminder_settings"]] == [3]
    reminders = data["meeting_reminders"]
    assert [r["meeting"] for r in reminders] == [str(reminded.module_1)]
    assert reminders[0]["materials_pending"] == 2
    assert reminders[0]["questions_pending"] == 2
    assert reminders[0]["sent_at"]
    assert COLLEAGUE not in str(data)


def test_the_readable_export_has_a_section_for_each(reminded):
    data = person_data_export(email=ANA)
    sections = {s.key: s for s in person_data_sections(data=data)}

    settings = sections["meeting_reminder_settings"]
    assert str(settings.label) == "meeting reminder settings"
    assert str(settings.headings[0]) == "days before the meeting"
    assert [row[0] for row in settings.rows] == [3]
    assert [row[0] for row in sections["meeting_reminders"].rows] == [
        str(reminded.module_1)
    ]


def test_a_person_without_reminders_exports_empty_lists(world):
    data = person_data_export(email=ANA)

    assert data["meeting_reminder_settings"] == []
    assert data["meeting_reminders"] == []


def test_erasure_removes_the_persons_choice_and_reminders_only(
    reminded, django_capture_on_commit_callbacks
):
    colleague = reminded.colleague_a.user

    result = erase(django_capture_on_commit_callbacks)

    assert result.counts["meeting_reminder_settings"] == 1
    assert result.counts["meeting_reminders"] == 1
    assert list(ReminderPreference.objects.values_list("user", flat=True)) == [
        colleague.pk
    ]
    assert set(MeetingReminder.objects.values_list("user", flat=True)) == {
        colleague.pk,
        reminded.participant_c.user_id,
    }


def test_the_erased_person_is_not_reminded_again(
    reminded, django_capture_on_commit_callbacks
):
    erase(django_capture_on_commit_callbacks)
    mail.outbox.clear()

    # Her reminder's record is gone; the job must not send (or record) another.
    with django_capture_on_commit_callbacks(execute=True):
        sent = meeting_reminders_send(
            now=reminded.module_1.starts_at - timedelta(hours=6)
        )

    assert sent == 0 and mail.outbox == []
    assert not MeetingReminder.objects.filter(user=reminded.participant_a.user)
