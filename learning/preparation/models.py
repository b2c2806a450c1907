"""A person's reminder setting, and the record of each reminder sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.editions.models import Meeting


class ReminderPreference(models.Model):
    """How many days before each meeting a person wants their reminder; 0 is off.

    A person without a row gets the site's default
    (LEARNING_PREPARATION_REMINDER_DAYS).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_reminder_preference",
        verbose_name=_("user"),
    )
    days_before = models.PositiveSmallIntegerField(_("days before the meeting"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("meeting reminder setting")
        verbose_name_plural = _("meeting reminder settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days_before__lte=7),
                name="reminder_days_at_most_a_week",
                violation_error_code="reminder_days_invalid",
                violation_error_message=_("Choose from 0 to 7 days."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.days_before}"


class MeetingReminder(models.Model):
    """The reminder a person was sent before one meeting (at most one each)."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="preparation_reminders",
        verbose_name=_("meeting"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_reminders",
        verbose_name=_("user"),
    )
    sent_at = models.DateTimeField(_("sent at"))
    materials_pending = models.PositiveSmallIntegerField(
        _("materials to review"), default=0
    )
    questions_pending = models.PositiveSmallIntegerField(
        _("questions to answer"), default=0
    )

    class Meta:
        verbose_name = _("meeting reminder")
        verbose_name_plural = _("meeting reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                name="meeting_reminder_once_per_person",
                violation_error_code="reminder_already_sent",
                violation_error_message=_("This reminder was already sent."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.meeting}"
