from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    """Where an edition stands; computed from its dates and places, never stored."""

    UPCOMING = "upcoming", _("upcoming")
    OPEN = "open", _("open for enrolment")
    FULLY_BOOKED = "fully_booked", _("fully booked, waitlist open")
    CLOSED = "closed", _("enrolment closed")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
