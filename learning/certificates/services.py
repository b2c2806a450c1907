"""Writes of certificates: issue (automatically or by hand) and revoke."""

import secrets
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.catalogue.enums import CertificateLanguages
from learning.core import conf
from learning.core.storage import storage_guard
from learning.editions.models import Edition
from learning.enrolments.models import Participant
from learning.notifications.emails import email_language

from .codes import code_generate, code_hash, code_readable
from .models import Certificate
from .pdf import certificate_pdf_render
from .selectors import (
    Eligibility,
    certificate_eligibility,
    certificate_eligibility_for_edition,
    page_titles_in,
)
from .tasks import certificate_ready_email_send


def certificates_issue_for_edition(
    *, edition: Edition, now: datetime | None = None
) -> list[Certificate]:
    """Issue a certificate to everyone eligible who never had one; idempotent.

    A participant whose certificate was revoked is not issued a new one
    automatically: a coordinator decides that by hand.
    """
    now = now or timezone.now()
    had_one = set(
        Certificate.objects.filter(edition=edition).values_list(
            "participant_id", flat=True
        )
    )
    issued = []
    for row in certificate_eligibility_for_edition(edition=edition, now=now):
        eligibility = row.eligibility
        if not eligibility.eligible or eligibility.participant.pk in had_one:
            continue
        issued.append(
            _certificate_create(eligibility=eligibility, actor=None, reason="", now=now)
        )
    return issued


def certificate_issue(
    *,
    participant: Participant,
    actor: AbstractBaseUser,
    reason: str,
    force: bool = False,
    now: datetime | None = None,
) -> Certificate:
    """A coordinator issues one certificate by hand, with a reason.

    `force` issues it even when the rule says no; the reason says why.
    """
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Say why you issue this certificate."), code="reason_required"
        )
    eligibility = certificate_eligibility(participant=participant, now=now)
    if not eligibility.eligible and not force:
        raise ValidationError(
            _("The participant does not meet the rule: %(reasons)s"),
            code="not_eligible",
            params={"reasons": " ".join(r.message for r in eligibility.reasons)},
        )
    return _certificate_create(
        eligibility=eligibility, actor=actor, reason=reason, now=now, forced=force
    )


def certificate_revoke(
    *,
    certificate: Certificate,
    actor: AbstractBaseUser,
    reason: str,
    now: datetime | None = None,
) -> Certificate:
    """Revoke a certificate with a reason; its verification page says so from now on."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Say why you revoke this certificate."), code="reason_required"
        )
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is not None:
            raise ValidationError(
                _("This certificate is already revoked."), code="already_revoked"
            )
        certificate.revoked_at = now or timezone.now()
        certificate.revoked_by = actor
        certificate.revoke_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        log(
            instance=certificate,
            action="certificates.revoke",
            user=actor,
            data={"participant": certificate.participant_id, "reason": reason},
        )
    return certificate


def certificate_verify_url(*, readable_code: str) -> str:
    """The absolute address of the public verification page of a code."""
    path = reverse("certificate_verify:verify", kwargs={"code": readable_code})
    return conf.public_base_url() + path


def _certificate_create(
    *,
    eligibility: Eligibility,
    actor: AbstractBaseUser | None,
    reason: str,
    now: datetime,
    forced: bool = False,
) -> Certificate:
    """Store the PDF and the row together: neither stays without the other."""
    participant = eligibility.participant
    code = code_generate()
    readable = code_readable(code)
    with transaction.atomic():
        # Serialise issues for one participant; the constraint is the last word.
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        if Certificate.objects.valid().filter(participant=participant).exists():
            raise ValidationError(
                _("This participant already has a valid certificate."),
                code="certificate_exists",
            )
        certificate = _certificate_build(
            eligibility=eligibility, code=code, actor=actor, reason=reason, now=now
        )
        pdf = certificate_pdf_render(
            certificate=certificate,
            readable_code=readable,
            verify_url=certificate_verify_url(readable_code=readable),
        )
        with storage_guard():
            certificate.pdf.save(
                f"{secrets.token_hex(16)}.pdf", ContentFile(pdf), save=False
            )
        try:
            certificate.full_clean(exclude=["pdf"])
            certificate.save()
        except (ValidationError, IntegrityError):
            certificate.pdf.delete(save=False)
            raise
        log(
            instance=certificate,
            action="certificates.issue",
            user=actor,
            data={
                "participant": participant.pk,
                "reason": reason,
                "automatic": actor is None,
                "forced": forced and not eligibility.eligible,
                "reasons": [r.code for r in eligibility.reasons],
            },
        )
        certificate_id = certificate.pk
        transaction.on_commit(
            lambda: certificate_ready_email_send.enqueue(certificate_id=certificate_id),
            robust=True,
        )
    return certificate


def _certificate_build(
    *,
    eligibility: Eligibility,
    code: str,
    actor: AbstractBaseUser | None,
    reason: str,
    now: datetime,
) -> Certificate:
    participant = eligibility.participant
    edition = participant.edition
    programme = edition.programme.specific
    languages = _languages(
        participant=participant, setting=programme.certificate_languages
    )
    modules = [progress.module for progress in eligibility.modules]
    minutes = sum(progress.minutes_held for progress in eligibility.modules)
    return Certificate(
        participant=participant,
        edition=edition,
        code_hash=code_hash(code),
        issued_at=now,
        issued_by=actor,
        issue_reason=reason,
        languages=languages,
        holder_name=participant.name,
        organisation_name=participant.enrolment.organisation.name,
        programme_titles={
            language: page_titles_in(pages=[programme], language=language)[
                programme.translation_key
            ]
            for language, _name in settings.LANGUAGES
        },
        edition_title=edition.title,  # empty: named by its month on reading
        modules_completed=_module_titles(modules, languages),
        hours=(Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP),
    )


def _module_titles(modules: list, languages: list[str]) -> list[dict[str, str]]:
    titles = {
        language: page_titles_in(pages=modules, language=language)
        for language in languages
    }
    return [
        {language: titles[language][m.translation_key] for language in languages}
        for m in modules
    ]


def _languages(*, participant: Participant, setting: str) -> list[str]:
    """The participant's language, then the others when the programme says both."""
    first = email_language(language=participant.preferred_language)
    if setting != CertificateLanguages.BOTH:
        return [first]
    return [first, *(code for code, _name in settings.LANGUAGES if code != first)]
