"""Correcting a certificate's printed name: the service, the PDF printed again with a
new code, the old code "replaced", the emails' links and the coordinators' admin."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

import learning.certificates.services as services
from cms.demo.accounts import FACILITATOR_PERMISSIONS, model_permissions
from learning.certificates.models import Certificate, ReplacedCode
from learning.certificates.services import (
    certificate_issue,
    certificate_name_correct,
    certificate_pdf_regenerate,
    certificate_revoke,
)
from tests.factories.users import UserFactory
from tests.learning.certificates.conftest import stored_pdfs
from tests.learning.certificates.pdfs import pdf_pages_text, pdf_qr_codes

VERIFY_LINK = re.compile(r"http://testserver/verify/([A-Z2-7-]+)/")


@pytest.fixture
def ana(course):
    person = course.enrol(email="ana@example.org", modules=(1, 2))
    course.attend_all(person, 1, 2)
    return person


@pytest.fixture
def issued(ana, coordinator, django_capture_on_commit_callbacks):
    """Ana's certificate, printed "Ana Nunez", and the code of its ready email."""
    ana.name = "Ana Nunez"
    ana.save(update_fields=["name"])
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(
            participant=ana, actor=coordinator, reason="End of edition"
        )
    (code,) = VERIFY_LINK.findall(mail.outbox[-1].body)
    mail.outbox.clear()
    return certificate, code


def correct(certificate, actor, capture, name="Ana Núñez", reason="Accents lost"):
    with capture(execute=True):
        return certificate_name_correct(
            certificate=certificate, name=name, actor=actor, reason=reason
        )


def read_pdf(certificate: Certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def verify(client, code):
    return client.get(f"/verify/{code}/")


# The ready email ---------------------------------------------------------------


def test_ready_email_carries_both_links(
    ana, coordinator, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(
            participant=ana, actor=coordinator, reason="End of edition"
        )
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    download = "http://testserver" + reverse(
        "certificates:download", args=[certificate.pk]
    )
    (code,) = VERIFY_LINK.findall(message.body)

    assert message.to == ["ana@example.org"]
    assert download in message.body
    assert f'href="{download}"' in html
    assert f'href="http://testserver/verify/{code}/"' in html
    assert 'data-verify="valid"' in verify(client, code).text
    client.force_login(ana.user)
    assert client.get(download).status_code == 200


def test_ready_email_in_the_participants_language(
    ana, coordinator, django_capture_on_commit_callbacks
):
    """Needs the Spanish catalogue merged."""
    ana.preferred_language = "es"
    ana.save(update_fields=["preferred_language"])

    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue(participant=ana, actor=coordinator, reason="End of edition")

    (message,) = mail.outbox
    assert "/es/" in message.body
    assert "Descargue su certificado (PDF)" in message.body
    assert VERIFY_LINK.search(message.body)


# The service ---------------------------------------------------------------------


def test_correction_normalises_stores_logs_and_prints_again(
    issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, old_code = issued
    (old_file,) = stored_pdfs()

    corrected = correct(
        certificate,
        coordinator,
        django_capture_on_commit_callbacks,
        name="  Ana\u200b   Nu\u0301n\u0303ez ",
    )

    assert corrected.holder_name == "Ana Núñez"
    assert corrected.name_corrected_at is not None
    entry = ModelLogEntry.objects.get(action="certificates.correct_name")
    assert entry.user_id == coordinator.pk
    assert entry.data["old_name"] == "Ana Nunez"
    assert entry.data["new_name"] == "Ana Núñez"
    assert entry.data["reason"] == "Accents lost"
    # One PDF stored: the new one, which prints the new name and a new code.
    (new_file,) = stored_pdfs()
    assert new_file != old_file
    data = read_pdf(certificate)
    (text,) = pdf_pages_text(data)
    assert "Ana Núñez" in text
    assert "Ana Nunez" not in text
    (qr,) = pdf_qr_codes(data)
    new_code = VERIFY_LINK.fullmatch(qr).group(1)
    assert new_code != old_code
    assert new_code in text
    assert not certificate.pdf_is_pending()
    assert ReplacedCode.objects.get().certificate == certificate


def test_the_participant_is_emailed_the_new_certificate(
    issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, old_code = issued

    correct(certificate, coordinator, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "corrected" in message.subject
    assert "Ana Núñez" in message.body
    download = "http://testserver" + reverse(
        "certificates:download", args=[certificate.pk]
    )
    assert download in message.body
    (code,) = VERIFY_LINK.findall(message.body)
    assert code != old_code
    assert code in pdf_pages_text(read_pdf(certificate))[0]


def test_nothing_is_printed_or_sent_before_commit(
    issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, _code = issued

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        certificate_name_correct(
            certificate=certificate, name="Ana Núñez", actor=coordinator, reason="x"
        )

    assert len(callbacks) == 1
    assert "Ana Nunez" in pdf_pages_text(read_pdf(certificate))[0]
    assert mail.outbox == []
    assert certificate.pdf_is_pending()


@pytest.mark.parametrize(
    ("name", "reason", "code"),
    [
        ("Ana Núñez", "  ", "reason_required"),
        ("   ", "Typo", "name_required"),
        ("\u200b\u200d", "Typo", "name_invisible"),
        ("A" * 256, "Typo", "name_too_long"),
        (" Ana  Nunez ", "Typo", "name_unchanged"),
    ],
)
def test_refused_corrections_change_nothing(issued, coordinator, name, reason, code):
    certificate, _code = issued

    with pytest.raises(ValidationError) as error:
        certificate_name_correct(
            certificate=certificate, name=name, actor=coordinator, reason=reason
        )

    codes = [e.code for errors in _errors(error.value) for e in errors]
    assert codes == [code]
    certificate.refresh_from_db()
    assert certificate.holder_name == "Ana Nunez"
    assert certificate.name_corrected_at is None
    assert not ModelLogEntry.objects.filter(action="certificates.correct_name")


def test_a_revoked_certificate_cannot_be_corrected(issued, coordinator):
    certificate, _code = issued
    certificate_revoke(certificate=certificate, actor=coordinator, reason="Fraud")

    with pytest.raises(ValidationError) as error:
        certificate_name_correct(
            certificate=certificate, name="Ana Núñez", actor=coordinator, reason="x"
        )

    assert error.value.code == "already_revoked"


def test_a_failed_print_keeps_the_old_pdf_and_code_and_can_be_retried(
    client, issued, coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    certificate, old_code = issued
    (old_file,) = stored_pdfs()
    real = services.ReplacedCode.objects.create

    def fail(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services.ReplacedCode.objects, "create", fail)
    correct(certificate, coordinator, django_capture_on_commit_callbacks)

    # The new file was written, then dropped: the old PDF and code stand.
    assert stored_pdfs() == [old_file]
    assert 'data-verify="valid"' in verify(client, old_code).text
    assert pdf_pages_text(read_pdf(certificate))[0].count("Ana Nunez") == 1
    assert certificate.pdf_is_pending()
    assert mail.outbox == []

    monkeypatch.setattr(services.ReplacedCode.objects, "create", real)
    correct(certificate, coordinator, django_capture_on_commit_callbacks)

    assert "Ana Núñez" in pdf_pages_text(read_pdf(certificate))[0]
    assert 'data-verify="replaced"' in verify(client, old_code).text
    assert len(mail.outbox) == 1


def test_a_certificate_revoked_before_printing_is_not_printed(issued, coordinator):
    certificate, _code = issued
    Certificate.objects.filter(pk=certificate.pk).update(holder_name="Ana Núñez")
    certificate_revoke(certificate=certificate, actor=coordinator, reason="Fraud")

    assert certificate_pdf_regenerate(certificate_id=certificate.pk) is False
    assert len(stored_pdfs()) == 1
    assert not ReplacedCode.objects.exists()


def test_a_print_outdated_by_a_later_correction_is_dropped(
    issued, coordinator, monkeypatch
):
    certificate, _code = issued
    Certificate.objects.filter(pk=certificate.pk).update(holder_name="Ana Núñez")
    real_store = services._pdf_store

    def store_then_correct_again(**kwargs):
        real_store(**kwargs)
        Certificate.objects.filter(pk=certificate.pk).update(holder_name="Ana Núñez P")

    monkeypatch.setattr(services, "_pdf_store", store_then_correct_again)

    assert certificate_pdf_regenerate(certificate_id=certificate.pk) is False
    assert len(stored_pdfs()) == 1
    assert "Ana Nunez" in pdf_pages_text(read_pdf(certificate))[0]


# The verify page -----------------------------------------------------------------


def test_verify_pages_after_the_correction(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, old_code = issued
    correct(certificate, coordinator, django_capture_on_commit_callbacks)
    (new_code,) = VERIFY_LINK.findall(mail.outbox[-1].body)

    old = verify(client, old_code)
    new = verify(client, new_code)

    assert old.status_code == new.status_code == 200
    assert 'data-verify="replaced"' in old.text
    assert "Replaced on" in old.text
    assert 'data-verify="valid"' in new.text
    assert "Ana Núñez" in new.text
    assert "Name corrected on" in new.text
    assert "data-corrected" in new.text
    assert "Accents lost" not in old.text + new.text


def test_the_api_tells_the_same_about_both_codes(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, old_code = issued
    correct(certificate, coordinator, django_capture_on_commit_callbacks)
    (new_code,) = VERIFY_LINK.findall(mail.outbox[-1].body)

    old = client.get(f"/api/v1/certificates/verify/{old_code}/").json()
    new = client.get(f"/api/v1/certificates/verify/{new_code}/").json()

    assert (old["status"], new["status"]) == ("replaced", "valid")
    assert old["replaced_at"] is not None and old["holder_name"] == "Ana Núñez"
    assert new["name_corrected_at"] is not None and new["replaced_at"] is None


def test_an_old_code_of_a_revoked_certificate_says_revoked(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, old_code = issued
    correct(certificate, coordinator, django_capture_on_commit_callbacks)
    certificate_revoke(certificate=certificate, actor=coordinator, reason="Fraud")

    assert 'data-verify="revoked"' in verify(client, old_code).text


# The admin -----------------------------------------------------------------------


def admin_url(certificate):
    return reverse("learning_certificates:correct_name", args=[certificate.pk])


def test_a_coordinator_corrects_the_name_in_the_admin(
    client, issued, coordinator, django_capture_on_commit_callbacks
):
    certificate, _code = issued
    client.force_login(coordinator)
    inspect = client.get(
        reverse("learning_certificates:inspect", args=[certificate.pk])
    )
    form = client.get(admin_url(certificate))
    without_reason = client.post(
        admin_url(certificate), {"name": "Ana Núñez", "reason": ""}
    )
    same_name = client.post(
        admin_url(certificate), {"name": "Ana Nunez", "reason": "x"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            admin_url(certificate), {"name": "Ana Núñez", "reason": "Accents lost"}
        )

    assert admin_url(certificate) in inspect.text
    assert form.status_code == 200
    assert 'value="Ana Nunez"' in form.text
    assert without_reason.status_code == 200
    assert same_name.status_code == 200
    assert "already prints this name" in same_name.text
    assert done.status_code == 302
    certificate.refresh_from_db()
    assert certificate.holder_name == "Ana Núñez"
    assert "Ana Núñez" in pdf_pages_text(read_pdf(certificate))[0]
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]


@pytest.mark.parametrize("who", ["facilitator", "participant", "anonymous"])
def test_others_cannot_correct_the_name(client, issued, ana, who):
    certificate, _code = issued
    if who == "facilitator":
        user = UserFactory()
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            *model_permissions(FACILITATOR_PERMISSIONS),
        )
        client.force_login(user)
    elif who == "participant":
        client.force_login(ana.user)

    form = client.get(admin_url(certificate))
    post = client.post(admin_url(certificate), {"name": "Someone", "reason": "x"})

    assert form.status_code in (302, 403)
    assert post.status_code in (302, 403)
    if form.status_code == 302:
        assert "login" in form["Location"] or form["Location"] == "/admin/"
    certificate.refresh_from_db()
    assert certificate.holder_name == "Ana Nunez"


def _errors(error: ValidationError) -> list[list[ValidationError]]:
    if hasattr(error, "error_dict"):
        return list(error.error_dict.values())
    return [error.error_list]
