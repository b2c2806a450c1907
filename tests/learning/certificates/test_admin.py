"""Coordinators' admin: eligibility table, issue and revoke with a reason, download."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learning.attendance.enums import AttendanceStatus
from learning.certificates.models import Certificate
from learning.certificates.services import certificates_issue_for_edition
from tests.factories.users import UserFactory


@pytest.fixture
def people(course):
    ana = course.enrol(email="ana@example.org", modules=(1, 2))
    course.attend_all(ana, 1, 2)
    ben = course.enrol(email="ben@example.org", modules=(1, 2))
    course.attend_all(ben, 1)
    course.mark(ben, 2, AttendanceStatus.ABSENT)
    return ana, ben


def url(name, *args):
    return reverse(f"learning_certificates:{name}", args=args)


def test_eligibility_table_shows_reasons_and_issues_the_eligible(
    client, course, people, coordinator
):
    client.force_login(coordinator)

    page = client.get(url("eligibility", course.edition.pk))
    response = client.post(url("eligibility", course.edition.pk))

    assert page.status_code == 200
    assert 'data-reason="module_attendance_below_threshold"' in page.text
    assert (
        "Module 2 in English: attended 0 of 4 meetings (0%); 75% needed." in page.text
    )
    assert response.status_code == 302
    assert [c.participant for c in Certificate.objects.all()] == [people[0]]


def test_issue_by_hand_with_reason(client, course, people, coordinator):
    _ana, ben = people
    client.force_login(coordinator)

    refused = client.post(url("issue", ben.pk), {"reason": "Was ill"})
    issued = client.post(url("issue", ben.pk), {"reason": "Was ill", "force": "on"})

    assert refused.status_code == 200
    assert "does not meet the rule" in refused.text
    assert issued.status_code == 302
    certificate = Certificate.objects.get()
    assert certificate.issued_by == coordinator
    assert certificate.issue_reason == "Was ill"


def test_revoke_with_reason_and_download(client, course, people, coordinator):
    (certificate,) = certificates_issue_for_edition(edition=course.edition)
    client.force_login(coordinator)

    inspect = client.get(url("inspect", certificate.pk))
    download = client.get(url("download", certificate.pk))
    without_reason = client.post(url("revoke", certificate.pk), {"reason": ""})
    revoked = client.post(url("revoke", certificate.pk), {"reason": "Duplicate"})

    assert inspect.status_code == 200
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert without_reason.status_code == 200
    assert revoked.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "Duplicate"
    assert ModelLogEntry.objects.filter(action="certificates.revoke").count() == 1


def test_index_and_editions_list(client, course, people, coordinator):
    certificates_issue_for_edition(edition=course.edition)
    client.force_login(coordinator)

    index = client.get(url("index"))
    editions = client.get(url("editions"))

    assert index.status_code == 200
    assert "ana@example.org" in index.text
    assert editions.status_code == 200
    assert url("eligibility", course.edition.pk) in editions.text


@pytest.mark.parametrize("name", ["eligibility", "issue", "revoke", "download"])
def test_admin_users_without_certificate_permissions_are_refused(
    client, course, people, name
):
    from django.contrib.auth.models import Permission

    (certificate,) = certificates_issue_for_edition(edition=course.edition)
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    target = {
        "eligibility": course.edition.pk,
        "issue": people[1].pk,
        "revoke": certificate.pk,
        "download": certificate.pk,
    }[name]

    response = client.get(url(name, target))

    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("application/pdf")
