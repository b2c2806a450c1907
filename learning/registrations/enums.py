from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    """Where a person's registration for a seminar run stands."""

    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waitlist")
    CANCELLED = "cancelled", _("cancelled")


# A registration in one of these holds one of the run's places.
PLACE_HOLDING_STATUSES = (RegistrationStatus.CONFIRMED,)
# One in these counts as signed up: a repeat of it changes nothing.
ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
