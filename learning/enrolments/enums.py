from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


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

# Each status as a whole sentence: a status label dropped into a sentence cannot
# agree in gender and number with its subject in every language.
ENROLMENT_IS: dict[str, StrOrPromise] = {
    EnrolmentStatus.PENDING_APPROVAL: _("This enrolment is pending approval."),
    EnrolmentStatus.CONFIRMED: _("This enrolment is confirmed."),
    EnrolmentStatus.WAITLISTED: _("This enrolment is on the waitlist."),
    EnrolmentStatus.OFFERED: _("This enrolment has been offered a place."),
    EnrolmentStatus.OFFER_EXPIRED: _("This enrolment's offered place has lapsed."),
    EnrolmentStatus.REJECTED: _("This enrolment was rejected."),
    EnrolmentStatus.WITHDRAWN: _("This enrolment was withdrawn."),
}
ENROLMENT_OF_IS_NOW: dict[str, StrOrPromise] = {
    EnrolmentStatus.PENDING_APPROVAL: _(
        "The enrolment of %(organisation)s is now pending approval."
    ),
    EnrolmentStatus.CONFIRMED: _("The enrolment of %(organisation)s is now confirmed."),
    EnrolmentStatus.WAITLISTED: _(
        "The enrolment of %(organisation)s is now on the waitlist."
    ),
    EnrolmentStatus.OFFERED: _("%(organisation)s has been offered a place."),
    EnrolmentStatus.OFFER_EXPIRED: _(
        "The place offered to %(organisation)s has lapsed."
    ),
    EnrolmentStatus.REJECTED: _("The enrolment of %(organisation)s was rejected."),
    EnrolmentStatus.WITHDRAWN: _("The enrolment of %(organisation)s was withdrawn."),
}
