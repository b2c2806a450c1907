from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeFormat(models.TextChoices):
    """The shape of a programme: it decides which flows its pages offer."""

    # A cohort edition: organisations enrol in an edition of module sessions.
    ONLINE_SESSIONS = "online_sessions", _("Online sessions over several months")
    SEMINAR = "seminar", _("Seminar of a few days")
    EVENT_SERIES = "event_series", _("Series of learning events")
    PROPOSAL_SESSIONS = "proposal_sessions", _("Member-led sessions from proposals")


class CertificateLanguages(models.TextChoices):
    """Which languages a programme's certificates are printed in."""

    PARTICIPANT = "participant", _("The participant's language")
    BOTH = "both", _("Both languages")
