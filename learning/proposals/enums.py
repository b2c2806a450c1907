from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    """Where a proposal stands; only a draft may still change."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The statuses the secretariat has nothing more to decide on.
DECIDED_STATUSES = frozenset({ProposalStatus.ACCEPTED, ProposalStatus.DECLINED})
