"""People's registrations for a seminar's runs (editions of a seminar programme)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.core.person import PersonFields
from learning.editions.models import Edition

from .enums import RegistrationStatus


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def confirmed(self) -> "RegistrationQuerySet":
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self) -> "RegistrationQuerySet":
        """Waiting people, first come first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by(
            "created_at", "pk"
        )


class Registration(PersonFields):
    """A person's registration for one run of a seminar; one per email address."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("seminar run"),
    )
    # The target group's block id on the programme page: the same in every
    # language (learning.catalogue.selectors.programme_target_groups).
    target_group = models.CharField(_("target group"), max_length=64, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("seminar registration")
        verbose_name_plural = _("seminar registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "email"],
                name="registrations_unique_email_per_edition",
                violation_error_code="duplicate_registration",
                violation_error_message=_(
                    "This email address is already registered for the seminar run."
                ),
            ),
        ]
        indexes = [models.Index(fields=["edition", "status", "created_at"])]
