"""Writes of enrolments: every rule about places, the waitlist and representatives."""

from .duplicates import organisation_keep_separate, organisation_merge
from .enrolments import (
    enrolment_confirm,
    enrolment_create,
    enrolment_offer_accept,
    enrolment_offer_decline,
    enrolment_promote_from_waitlist,
    enrolment_reject,
    enrolment_withdraw,
)
from .inputs import EnrolmentResult, RepresentativeInput
from .offers import offer_expire, offers_expire
from .organisations import (
    organisation_domains,
    organisation_get_or_create,
    organisation_normalise_name,
)
from .participants import representative_replace
from .waitlist import EditionCounts, edition_counts, waitlist_offer_free_places

__all__ = [
    "EditionCounts",
    "EnrolmentResult",
    "RepresentativeInput",
    "edition_counts",
    "enrolment_confirm",
    "enrolment_create",
    "enrolment_offer_accept",
    "enrolment_offer_decline",
    "enrolment_promote_from_waitlist",
    "enrolment_reject",
    "enrolment_withdraw",
    "offer_expire",
    "offers_expire",
    "organisation_domains",
    "organisation_get_or_create",
    "organisation_keep_separate",
    "organisation_merge",
    "organisation_normalise_name",
    "representative_replace",
    "waitlist_offer_free_places",
]
