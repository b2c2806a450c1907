"""Writes of certificates: issue (automatically or by hand), revoke, correct the
printed name (the PDF is then redone with a new verification code)."""

import secrets
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.catalogue.enums import CertificateLanguages
from learning.catalogue.models import ModulePage
from learning.core.names import name_normalise
from learning.core.storage import storage_guard
from learning.core.types import AuthUser
from learning.editions.models import Edition
from learning.enrolments.models import Participant
from learning.notifications.emails import email_language

from .codes import certificate_verify_url, code_generate, code_hash, code_readable
from .models import Certificate, ReplacedCode
from .pdf import certificate_pdf_render
from .selectors import (
    Eligibility,
    certificate_eligibility,
    certificate_eligibility_for_edition,
    page_titles_in,
)
from .tasks import (
    certificate_corrected_email_send,
    certificate_pdf_regenerate_task,
    certificate_ready_email_send,
)

# A CharField's max_length is always set (the stubs allow None).
NAME_MAX_LENGTH = cast(int, Certificate._meta.get_field("holder_name").max_length)


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
    actor: AuthUser,
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
    actor: AuthUser,
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


def certificate_name_correct(
    *,
    certificate: Certificate,
    name: str,
    actor: AuthUser,
    reason: str,
    now: datetime | None = None,
) -> Certificate:
    """A coordinator corrects the printed name, with a reason; logged with the old one.

    The PDF is redone in the background once this commits (see
    `certificate_pdf_regenerate`); until then the old PDF and code stand.
    """
    name = _printed_name(name)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Say why you correct the name."), code="reason_required"
        )
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        _check_correctable(certificate=certificate, name=name)
        old_name = certificate.holder_name
        certificate.holder_name = name
        certificate.name_corrected_at = now or timezone.now()
        certificate.save(update_fields=["holder_name", "name_corrected_at"])
        log(
            instance=certificate,
            action="certificates.correct_name",
            user=actor,
            data={
                "participant": certificate.participant_id,
                "old_name": old_name,
                "new_name": name,
                "reason": reason,
            },
        )
        transaction.on_commit(
            partial(
                certificate_pdf_regenerate_task.enqueue, certificate_id=certificate.pk
            ),
            robust=True,
        )
    return certificate


def _printed_name(name: str) -> str:
    name = name_normalise(name, field="name")
    if not name:
        error = ValidationError(
            _("Give the name as it should be printed."), code="name_required"
        )
        raise ValidationError({"name": error})
    if len(name) > NAME_MAX_LENGTH:
        error = ValidationError(
            _("A name has at most %(limit)d characters."),
            code="name_too_long",
            params={"limit": NAME_MAX_LENGTH},
        )
        raise ValidationError({"name": error})
    return name


def _check_correctable(*, certificate: Certificate, name: str) -> None:
    if certificate.revoked_at is not None:
        raise ValidationError(
            _("A revoked certificate cannot be corrected."), code="already_revoked"
        )
    if not certificate.pdf:  # erased with the holder's personal data
        raise ValidationError(
            _("This certificate's personal data was erased."), code="erased"
        )
    # The same name again is refused, unless its PDF is still not redone (a
    # failed run): then this is how a coordinator tries again.
    if name == certificate.holder_name and not certificate.pdf_is_pending():
        error = ValidationError(
            _("The certificate already prints this name."), code="name_unchanged"
        )
        raise ValidationError({"name": error})


def certificate_pdf_regenerate(
    *, certificate_id: int, now: datetime | None = None
) -> bool:
    """Print the certificate again, with a new verification code.

    The new file is written first; the row then points at it and keeps the old
    code as replaced, and the old file is deleted after commit. On any failure
    the old PDF and code stay as they were. False when there is nothing to do:
    revoked, erased, or corrected again since (that correction's run prints it).
    """
    certificate = Certificate.objects.select_related("edition").get(pk=certificate_id)
    if certificate.revoked_at is not None or not certificate.pdf:
        return False
    old_file = certificate.pdf.name
    readable = code_readable(code_generate())
    _pdf_store(certificate=certificate, readable_code=readable)
    new_file = certificate.pdf.name
    assert old_file and new_file  # noqa: S101 (both files are stored, so named)
    try:
        with transaction.atomic():
            swapped = _pdf_swap(
                printed=certificate,
                old_file=old_file,
                new_file=new_file,
                readable_code=readable,
                now=now or timezone.now(),
            )
    except BaseException:
        certificate.pdf.storage.delete(new_file)
        raise
    if not swapped:
        certificate.pdf.storage.delete(new_file)
    return swapped


def _pdf_swap(
    *,
    printed: Certificate,
    old_file: str,
    new_file: str,
    readable_code: str,
    now: datetime,
) -> bool:
    """Point the row at the new file and code, if it still says what was printed."""
    current = Certificate.objects.select_for_update().get(pk=printed.pk)
    if (
        current.revoked_at is not None
        or current.pdf.name != old_file
        or current.holder_name != printed.holder_name
    ):
        return False
    ReplacedCode.objects.create(
        certificate=current, code_hash=current.code_hash, replaced_at=now
    )
    current.code_hash = code_hash(readable_code)
    current.pdf.name = new_file
    current.save(update_fields=["code_hash", "pdf"])
    storage = current.pdf.storage
    transaction.on_commit(partial(storage.delete, old_file), robust=True)
    transaction.on_commit(
        partial(
            certificate_corrected_email_send.enqueue,
            certificate_id=current.pk,
            readable_code=readable_code,
        ),
        robust=True,
    )
    return True


def _certificate_create(
    *,
    eligibility: Eligibility,
    actor: AuthUser | None,
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
        _pdf_store(certificate=certificate, readable_code=readable)
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
        # The code goes to the email by argument: the database keeps only its hash.
        transaction.on_commit(
            lambda: certificate_ready_email_send.enqueue(
                certificate_id=certificate_id, readable_code=readable
            ),
            robust=True,
        )
    return certificate


def _pdf_store(*, certificate: Certificate, readable_code: str) -> None:
    """Render the PDF with `readable_code` and store it under a new random name.

    Sets `certificate.pdf` without saving the row: the caller does, or deletes
    the file when it cannot.
    """
    pdf = certificate_pdf_render(
        certificate=certificate,
        readable_code=readable_code,
        verify_url=certificate_verify_url(readable_code=readable_code),
    )
    with storage_guard():
        certificate.pdf.save(
            f"{secrets.token_hex(16)}.pdf", ContentFile(pdf), save=False
        )


def _certificate_build(
    *,
    eligibility: Eligibility,
    code: str,
    actor: AuthUser | None,
    reason: str,
    now: datetime,
) -> Certificate:
    participant = eligibility.participant
    edition = participant.edition
    programme = edition.programme.specific
    languages = _languages(
        participant=participant,
        setting=programme.certificate_languages,
        offered=programme.languages,
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


def _module_titles(
    modules: list[ModulePage], languages: list[str]
) -> list[dict[str, str]]:
    titles = {
        language: page_titles_in(pages=modules, language=language)
        for language in languages
    }
    return [
        {language: titles[language][m.translation_key] for language in languages}
        for m in modules
    ]


def _languages(
    *, participant: Participant, setting: str, offered: list[str]
) -> list[str]:
    """The participant's language, then, when the programme says both, the other
    languages the programme is given in (all site languages if it names none)."""
    first = email_language(language=participant.preferred_language)
    if setting != CertificateLanguages.BOTH:
        return [first]
    codes = [code for code, _name in settings.LANGUAGES]
    others = [c for c in codes if c != first and (not offered or c in offered)]
    return [first, *others]
