from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class EditionStatus(models.TextChoices):
    """Where an edition stands; computed from its dates and places, never stored."""

    UPCOMING = "upcoming", _("upcoming")
    OPEN = "open", _("open for enrolment")
    FULLY_BOOKED = "fully_booked", _("fully booked, waitlist open")
    CLOSED = "closed", _("enrolment closed")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")


# Why an edition takes no enrolment now, one whole sentence per status (a label
# inside a sentence cannot agree with it in every language).
EDITION_NOT_ENROLLING: dict[str, StrOrPromise] = {
    EditionStatus.UPCOMING: _("Enrolment for this edition has not opened yet."),
    EditionStatus.CLOSED: _("Enrolment for this edition is closed."),
    EditionStatus.RUNNING: _("This edition is under way and takes no more enrolments."),
    EditionStatus.FINISHED: _("This edition has finished."),
}
