"""Attendance: one mark per participant and meeting."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.editions.models import Meeting
from learning.enrolments.models import Participant

from .enums import AttendanceSource, AttendanceStatus


class Attendance(models.Model):
    """A participant's presence at one meeting, as a facilitator marked it."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("meeting"),
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("participant"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AttendanceStatus.choices
    )
    source = models.CharField(
        _("source"),
        max_length=16,
        choices=AttendanceSource.choices,
        default=AttendanceSource.QUICK_PAGE,
    )
    minutes_present = models.PositiveSmallIntegerField(
        _("minutes present"),
        null=True,
        blank=True,
        help_text=_("From a Zoom report, when imported."),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting__starts_at", "participant__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"],
                name="attendance_one_mark_per_meeting",
                violation_error_code="attendance_duplicate",
                violation_error_message=_(
                    "This participant already has a mark for this meeting."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.meeting}: {self.get_status_display()}"
