from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateStatus(models.TextChoices):
    """Whether a certificate still stands."""

    VALID = "valid", _("valid")
    REVOKED = "revoked", _("revoked")


class VerificationStatus(models.TextChoices):
    """What a verification code says: a certificate's status, or that the code
    was replaced by a new one when the PDF was redone (a corrected name)."""

    VALID = "valid", _("valid")
    REVOKED = "revoked", _("revoked")
    REPLACED = "replaced", _("replaced")


class IneligibilityCode(models.TextChoices):
    """Why a participant cannot have a certificate yet; stable codes."""

    NOT_CONFIRMED = "not_confirmed", _("place not confirmed")
    EDITION_NOT_FINISHED = "edition_not_finished", _("edition not finished")
    NO_MODULES = "no_modules", _("no modules chosen")
    NO_MEETINGS = "no_meetings", _("no meetings held")
    MODULE_ATTENDANCE_BELOW_THRESHOLD = (
        "module_attendance_below_threshold",
        _("attendance below the threshold"),
    )
