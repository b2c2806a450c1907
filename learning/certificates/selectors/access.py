"""Who may see which certificate: the holder's own, downloads, verification by
code and the admin's lists; reads certificates and participants."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.membership import user_is_coordinator
from learning.enrolments.models import Participant

from ..codes import code_hash
from ..enums import VerificationStatus
from ..models import Certificate, CertificateQuerySet, ReplacedCode
from .eligibility import Eligibility, certificate_eligibility


def certificate_list_for_holder(*, user: AnyUser | None) -> CertificateQuerySet:
    """The user's own certificates, valid or revoked, newest first."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Certificate.objects.none()
    return Certificate.objects.filter(participant__user=user).select_related(
        "edition", "participant"
    )


def certificate_get_for_download(*, user: AnyUser | None, pk: int) -> Certificate:
    """A valid certificate its holder or a coordinator may download.

    Raises `Certificate.DoesNotExist` for anyone else, so views answer 404.
    """
    if user_is_coordinator(user=user):
        queryset = Certificate.objects.all()
    else:
        queryset = certificate_list_for_holder(user=user)
    return queryset.valid().get(pk=pk)


def certificate_get_by_code(*, code: str) -> Certificate | None:
    """The certificate a verification code stands for, looked up by hash only.

    A malformed code is hashed and looked up like any other, so it answers the
    same way, in the same time, as an unknown one.
    """
    return (
        Certificate.objects.filter(code_hash=code_hash(code))
        .select_related("edition")
        .first()
    )


@dataclass(frozen=True)
class Verification:
    """What the public verify page says about a code."""

    certificate: Certificate
    status: VerificationStatus
    replaced_at: datetime | None = None


def certificate_verification(*, code: str) -> Verification | None:
    """The certificate a current or replaced code stands for, and its status.

    The verify page calls it; a code replaced when the PDF was redone still
    names its certificate, so a reader of the old PDF learns it was replaced.
    """
    certificate = certificate_get_by_code(code=code)
    if certificate is not None:
        status = (
            VerificationStatus.VALID
            if certificate.revoked_at is None
            else VerificationStatus.REVOKED
        )
        return Verification(certificate=certificate, status=status)
    replaced = (
        ReplacedCode.objects.filter(code_hash=code_hash(code))
        .select_related("certificate__edition")
        .first()
    )
    if replaced is None:
        return None
    certificate = replaced.certificate
    return Verification(
        certificate=certificate,
        # Revoked since says more than replaced: no code of it stands.
        status=VerificationStatus.REPLACED
        if certificate.revoked_at is None
        else VerificationStatus.REVOKED,
        replaced_at=replaced.replaced_at,
    )


def certificate_list_for_edition(*, edition: Edition) -> QuerySet[Certificate]:
    """An edition's certificates, valid and revoked; the admin's list uses it."""
    return Certificate.objects.filter(edition=edition).select_related(
        "participant", "edition", "issued_by", "revoked_by"
    )


def certificate_list_for_admin() -> QuerySet[Certificate]:
    """Every certificate with its edition and people, for the admin's index."""
    return Certificate.objects.select_related(
        "participant", "edition", "issued_by", "revoked_by"
    )


@dataclass
class HolderEdition:
    """A participant's edition on their certificates page."""

    edition: Edition
    certificate: Certificate | None
    eligibility: Eligibility | None


def certificate_overview_for_user(
    *, user: AnyUser | None, now: datetime | None = None
) -> list[HolderEdition]:
    """The user's editions with their certificate, or the reasons they have none."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    certificates = {
        c.edition_id: c for c in certificate_list_for_holder(user=user).valid()
    }
    items = [
        HolderEdition(edition=c.edition, certificate=c, eligibility=None)
        for c in certificates.values()
    ]
    participations = (
        Participant.objects.filter(
            user=user,
            is_active=True,
            enrolment__status=EnrolmentStatus.CONFIRMED,
        )
        .exclude(edition_id__in=certificates.keys())
        .select_related("edition__programme", "enrolment")
        .prefetch_related("enrolment__modules")
    )
    for participant in participations:
        items.append(
            HolderEdition(
                edition=participant.edition,
                certificate=None,
                eligibility=certificate_eligibility(participant=participant, now=now),
            )
        )
    return sorted(items, key=lambda item: (item.edition.starts_on, item.edition.pk))
