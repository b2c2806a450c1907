"""Site pages: the holder's certificates and downloads, and the public verify page."""

import pytest
from django.urls import reverse

from learning.attendance.enums import AttendanceStatus
from learning.certificates.models import Certificate
from learning.certificates.services import certificate_revoke
from tests.factories.users import UserFactory
from tests.learning.certificates.pdfs import pdf_pages_text


@pytest.fixture
def issued(course, monkeypatch):
    """Ana's certificate and its readable code; Ben, not eligible, has none."""
    import learning.certificates.services as services
    from learning.certificates.services import certificate_issue

    ana = course.enrol(email="ana@example.org", modules=(1, 2))
    course.attend_all(ana, 1, 2)
    ben = course.enrol(email="ben@example.org", modules=(1, 2))
    course.attend_all(ben, 1)
    course.mark(ben, 2, AttendanceStatus.ABSENT)
    codes = []
    real = services.code_generate
    monkeypatch.setattr(
        services, "code_generate", lambda: codes.append(real()) or codes[-1]
    )
    certificate = certificate_issue(
        participant=ana, actor=UserFactory(), reason="End of edition"
    )
    readable = "-".join(codes[0][i : i + 4] for i in range(0, 32, 4))
    return certificate, readable, ana, ben


def verify(client, code):
    return client.get(f"/verify/{code}/")


def test_holder_lists_and_downloads(client, issued):
    certificate, _code, ana, _ben = issued
    client.force_login(ana.user)

    page = client.get(reverse("certificates:list"))
    download = client.get(reverse("certificates:download", args=[certificate.pk]))

    assert page.status_code == 200
    assert reverse("certificates:download", args=[certificate.pk]) in page.text
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    text = pdf_pages_text(b"".join(download.streaming_content))[0]
    assert "ana@example.org" in text


def test_not_eligible_participant_sees_the_reasons(client, issued):
    *_, ben = issued
    client.force_login(ben.user)

    page = client.get(reverse("certificates:list"))

    assert 'data-reason="module_attendance_below_threshold"' in page.text
    assert (
        "Module 2 in English: attended 0 of 4 meetings (0%); 75% needed." in page.text
    )


@pytest.mark.parametrize("who", ["ben", "stranger", "anonymous"])
def test_others_cannot_download(client, issued, who):
    certificate, _code, _ana, ben = issued
    if who == "ben":
        client.force_login(ben.user)
    elif who == "stranger":
        client.force_login(UserFactory())

    response = client.get(reverse("certificates:download", args=[certificate.pk]))

    assert response.status_code == (302 if who == "anonymous" else 404)


def test_revoked_certificate_is_not_downloadable_by_its_holder(client, issued):
    certificate, _code, ana, _ben = issued
    certificate_revoke(certificate=certificate, actor=UserFactory(), reason="Error")
    client.force_login(ana.user)

    response = client.get(reverse("certificates:download", args=[certificate.pk]))

    assert response.status_code == 404


def test_certificates_page_needs_sign_in(client):
    response = client.get(reverse("certificates:list"))
    assert response.status_code == 302


def test_verify_valid_in_both_languages(client, issued):
    _certificate, code, _ana, _ben = issued

    response = verify(client, code)

    assert response.status_code == 200
    text = response.text
    assert 'data-verify="valid"' in text
    assert "ana@example.org" in text
    assert "Mutual Learning Program" in text
    assert "Programa de Aprendizaje Mutuo" in text
    assert "Certificate verification" in text
    assert "Verificación del certificado" in text or 'lang="es"' in text
    assert '<meta name="robots" content="noindex' in text
    assert response["X-Robots-Tag"] == "noindex"
    # Nothing more than name, programme, date and status.
    assert "Organisation" not in text
    assert "End of edition" not in text


def test_verify_accepts_the_code_without_dashes_or_in_lower_case(client, issued):
    _certificate, code, _ana, _ben = issued
    assert verify(client, code.replace("-", "").lower()).status_code == 200


def test_verify_revoked(client, issued):
    certificate, code, _ana, _ben = issued
    certificate_revoke(certificate=certificate, actor=UserFactory(), reason="Fraud")

    response = verify(client, code)

    assert response.status_code == 200
    assert 'data-verify="revoked"' in response.text
    assert "Fraud" not in response.text


def test_unknown_and_malformed_codes_look_the_same(client, issued):
    unknown_code, malformed_code = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "x%21"
    unknown = verify(client, unknown_code)
    malformed = verify(client, malformed_code)

    assert unknown.status_code == malformed.status_code == 404
    assert unknown.templates[0].name == malformed.templates[0].name
    # Identical but for the address itself (the language switcher repeats it).
    assert unknown.text.replace(unknown_code, "C") == malformed.text.replace(
        malformed_code, "C"
    ).replace("x!", "C")
    assert 'data-verify="unknown"' in unknown.text
    assert 'data-verify="unknown"' in malformed.text


def test_verify_outside_the_language_prefix_ignores_the_url_language(client, issued):
    _certificate, code, _ana, _ben = issued
    response = client.get(f"/verify/{code}/", HTTP_ACCEPT_LANGUAGE="es")
    assert "Mutual Learning Program" in response.text
    assert "Programa de Aprendizaje Mutuo" in response.text


def test_certificate_row_keeps_no_code(issued):
    _certificate, code, _ana, _ben = issued
    stored = Certificate.objects.values_list("code_hash", flat=True).get()
    assert code.replace("-", "") not in stored


def test_the_list_shows_only_ones_own_certificates(client, issued):
    certificate, _code, _ana, ben = issued
    client.force_login(ben.user)

    page = client.get(reverse("certificates:list"))

    assert reverse("certificates:download", args=[certificate.pk]) not in page.text
    assert "data-certificate-download" not in page.text


def test_my_programme_links_to_the_certificates(client, issued):
    _certificate, _code, ana, _ben = issued
    client.force_login(ana.user)

    page = client.get(reverse("participants:home"))

    assert reverse("certificates:list") in page.text
