from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeFormat(models.TextChoices):
    ONLINE_SESSIONS = "online_sessions", _("Online sessions over several months")
    SEMINAR = "seminar", _("Seminar of a few days")


class CertificateLanguages(models.TextChoices):
    """Which languages a programme's certificates are printed in."""

    PARTICIPANT = "participant", _("The participant's language")
    BOTH = "both", _("Both languages")
