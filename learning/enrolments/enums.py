from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentStatus(models.TextChoices):
    """An organisation's standing in an edition."""

    PENDING_APPROVAL = "pending_approval", _("pending approval")
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waitlist")
    OFFERED = "offered", _("offered a place")
    # An offer left unanswered past its deadline: the place went onward.
    OFFER_EXPIRED = "offer_expired", _("offer lapsed")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


# An enrolment in one of these holds one of the edition's places.
PLACE_HOLDING_STATUSES = (
    EnrolmentStatus.PENDING_APPROVAL,
    EnrolmentStatus.CONFIRMED,
    EnrolmentStatus.OFFERED,
)
# An organisation or person can have at most one enrolment in these per edition.
ACTIVE_STATUSES = (*PLACE_HOLDING_STATUSES, EnrolmentStatus.WAITLISTED)
