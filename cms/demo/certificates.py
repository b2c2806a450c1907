"""Demo certificates, issued by the service to the past edition's eligible people.

Run after the past edition's attendance exists (cms/demo/attendance.py). The
service issues only to participants who never had a certificate, so a later run
creates nothing.
"""

from learning.certificates.models import Certificate
from learning.certificates.services import certificates_issue_for_edition
from learning.editions.models import Edition

from .learning import PAST_SLUG


def ensure_certificates() -> tuple[int, int]:
    """Certificates of the eligible participants of "demo-past"; (created, reused)."""
    created = reused = 0
    for edition in Edition.objects.filter(slug=PAST_SLUG):
        reused += Certificate.objects.filter(edition=edition).count()
        created += len(certificates_issue_for_edition(edition=edition))
    return created, reused
