"""Reads of certificates: who is eligible and why not, and who may see which one.

`certificate_eligibility` is the one place where the certificate rule lives; the
participant's page, the coordinators' table, the issuing services and the API
all ask it.
"""

from .access import (
    HolderEdition,
    Verification,
    certificate_get_by_code,
    certificate_get_for_download,
    certificate_list_for_admin,
    certificate_list_for_edition,
    certificate_list_for_holder,
    certificate_overview_for_user,
    certificate_verification,
)
from .editions import edition_list_finished, edition_list_with_certificate_counts
from .eligibility import (
    DEFAULT_THRESHOLD,
    Eligibility,
    ModuleProgress,
    ParticipantCertificate,
    Reason,
    certificate_eligibility,
    certificate_eligibility_for_edition,
    page_titles_in,
    programme_threshold,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "Eligibility",
    "HolderEdition",
    "ModuleProgress",
    "ParticipantCertificate",
    "Reason",
    "Verification",
    "certificate_eligibility",
    "certificate_eligibility_for_edition",
    "certificate_get_by_code",
    "certificate_get_for_download",
    "certificate_list_for_admin",
    "certificate_list_for_edition",
    "certificate_list_for_holder",
    "certificate_overview_for_user",
    "certificate_verification",
    "edition_list_finished",
    "edition_list_with_certificate_counts",
    "page_titles_in",
    "programme_threshold",
]
