"""Issuing and revoking certificates: automatic, by hand, audited, with a PDF."""

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from learning.attendance.enums import AttendanceStatus
from learning.catalogue.enums import CertificateLanguages
from learning.catalogue.models import ProgrammePage
from learning.certificates.codes import code_hash
from learning.certificates.models import Certificate
from learning.certificates.selectors import certificate_get_by_code
from learning.certificates.services import (
    certificate_issue,
    certificate_revoke,
    certificates_issue_for_edition,
)
from learning.core.storage import StorageUnavailable
from learning.enrolments.models import Participant
from tests.learning.certificates.conftest import stored_pdfs
from tests.learning.certificates.pdfs import pdf_pages_text, pdf_qr_codes

A = AttendanceStatus.ABSENT


@pytest.fixture
def people(course):
    """Ana meets the rule; Ben misses most of module 2."""
    ana = course.enrol(email="ana@example.org", modules=(1, 2))
    course.attend_all(ana, 1, 2)
    ben = course.enrol(email="ben@example.org", modules=(1, 2))
    course.attend_all(ben, 1)
    course.mark(ben, 2, AttendanceStatus.PRESENT, A, A, A)
    return ana, ben


def read_pdf(certificate: Certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def test_edition_issue_is_idempotent_and_only_for_the_eligible(
    course, people, django_capture_on_commit_callbacks
):
    ana, _ben = people
    with django_capture_on_commit_callbacks(execute=True):
        first = certificates_issue_for_edition(edition=course.edition)
    second = certificates_issue_for_edition(edition=course.edition)

    assert [c.participant for c in first] == [ana]
    assert second == []
    assert Certificate.objects.count() == 1
    assert len(stored_pdfs()) == 1
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert "ready" in mail.outbox[0].subject
    entry = ModelLogEntry.objects.get(action="certificates.issue")
    assert entry.user is None
    assert entry.data["automatic"] is True


def test_a_revoked_certificate_is_not_reissued_automatically(
    course, people, coordinator
):
    (certificate,) = certificates_issue_for_edition(edition=course.edition)
    certificate_revoke(certificate=certificate, actor=coordinator, reason="Fraud")

    assert certificates_issue_for_edition(edition=course.edition) == []


def test_nothing_is_issued_before_the_edition_finishes(site, coordinator):
    from datetime import timedelta

    from django.utils import timezone

    from tests.learning.certificates.conftest import course_build

    course = course_build(site, ends_on=(timezone.now() + timedelta(days=3)).date())
    person = course.enrol(email="early@example.org", modules=(1,))
    course.attend_all(person, 1)

    assert certificates_issue_for_edition(edition=course.edition) == []


def test_manual_issue_needs_a_reason(course, people, coordinator):
    _ana, ben = people
    with pytest.raises(ValidationError) as error:
        certificate_issue(participant=ben, actor=coordinator, reason="  ", force=True)
    assert error.value.code == "reason_required"
    assert Certificate.objects.count() == 0


def test_manual_issue_of_a_not_eligible_person_needs_force(course, people, coordinator):
    _ana, ben = people
    with pytest.raises(ValidationError) as error:
        certificate_issue(participant=ben, actor=coordinator, reason="Was ill")
    assert error.value.code == "not_eligible"
    assert "Module 2 in English" in error.value.messages[0]

    certificate = certificate_issue(
        participant=ben, actor=coordinator, reason="Was ill", force=True
    )

    assert certificate.issued_by == coordinator
    assert certificate.issue_reason == "Was ill"
    entry = ModelLogEntry.objects.get(action="certificates.issue")
    assert entry.user_id == coordinator.pk
    assert entry.data["reason"] == "Was ill"
    assert entry.data["forced"] is True
    assert entry.data["reasons"] == ["module_attendance_below_threshold"]


def test_one_valid_certificate_per_participant(course, people, coordinator):
    ana, _ben = people
    certificate_issue(participant=ana, actor=coordinator, reason="Early")
    with pytest.raises(ValidationError) as error:
        certificate_issue(participant=ana, actor=coordinator, reason="Again")
    assert error.value.code == "certificate_exists"
    assert len(stored_pdfs()) == 1


def test_revoke_with_reason_is_logged_and_shown(course, people, coordinator):
    (certificate,) = certificates_issue_for_edition(edition=course.edition)
    with pytest.raises(ValidationError) as error:
        certificate_revoke(certificate=certificate, actor=coordinator, reason="")
    assert error.value.code == "reason_required"

    certificate_revoke(certificate=certificate, actor=coordinator, reason="Mistake")

    certificate.refresh_from_db()
    assert certificate.revoked_by == coordinator
    assert certificate.revoke_reason == "Mistake"
    entry = ModelLogEntry.objects.get(action="certificates.revoke")
    assert entry.data["reason"] == "Mistake"
    with pytest.raises(ValidationError) as again:
        certificate_revoke(certificate=certificate, actor=coordinator, reason="x")
    assert again.value.code == "already_revoked"


def test_storage_failure_leaves_no_row(course, people):
    with (
        mock.patch(
            "django.core.files.storage.FileSystemStorage.save",
            side_effect=ConnectionError("down"),
        ),
        pytest.raises(StorageUnavailable),
    ):
        certificates_issue_for_edition(edition=course.edition)

    assert Certificate.objects.count() == 0
    assert ModelLogEntry.objects.filter(action="certificates.issue").count() == 0


def test_failed_row_leaves_no_file(course, people):
    with (
        mock.patch.object(Certificate, "save", side_effect=ValidationError("no")),
        pytest.raises(ValidationError),
    ):
        certificates_issue_for_edition(edition=course.edition)

    assert stored_pdfs() == []


def test_pdf_text_and_qr_code(course, people, monkeypatch):
    ana, _ben = people
    Participant.objects.filter(pk=ana.pk).update(name="Ana Núñez")
    codes = []
    import learning.certificates.services as services

    real = services.code_generate
    monkeypatch.setattr(
        services, "code_generate", lambda: codes.append(real()) or codes[-1]
    )

    (certificate,) = certificates_issue_for_edition(edition=course.edition)

    (code,) = codes
    readable = "-".join(code[i : i + 4] for i in range(0, len(code), 4))
    data = read_pdf(certificate)
    (text,) = pdf_pages_text(data)
    assert "Ana Núñez" in text
    assert "Mutual Learning Program" in text
    assert "Module 1 in English" in text
    assert "Module 2 in English" in text
    assert readable in text
    assert "16 hours" in text  # 8 meetings of 2 hours
    assert pdf_qr_codes(data) == [f"http://testserver/verify/{readable}/"]
    assert certificate_get_by_code(code=readable) == certificate
    assert certificate.code_hash == code_hash(code)
    assert code not in str(Certificate.objects.filter(pk=certificate.pk).values().get())


def test_pdf_in_both_languages(course, people):
    ProgrammePage.objects.filter(pk=course.site.programme.pk).update(
        certificate_languages=CertificateLanguages.BOTH
    )
    (certificate,) = certificates_issue_for_edition(edition=course.edition)

    english, spanish = pdf_pages_text(read_pdf(certificate))

    assert certificate.languages == ["en", "es"]
    assert "Certificate of completion" in english
    assert "Programa de Aprendizaje Mutuo" in spanish
    assert "Módulo 2 en español" in spanish


def test_pdf_in_the_participants_language(course):
    person = course.enrol(email="eva@example.org", modules=(1,))
    Participant.objects.filter(pk=person.pk).update(preferred_language="es")
    course.attend_all(person, 1)

    (certificate,) = certificates_issue_for_edition(edition=course.edition)

    (text,) = pdf_pages_text(read_pdf(certificate))
    assert certificate.languages == ["es"]
    assert "Programa de Aprendizaje Mutuo" in text
    assert "Módulo 1 en español" in text
