"""The cron command: certificates for finished editions only, idempotent."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from learning.certificates.models import Certificate
from tests.learning.certificates.conftest import course_build


def test_command_issues_for_finished_editions_only(course, site):
    done = course.enrol(email="done@example.org", modules=(1,))
    course.attend_all(done, 1)
    running = course_build(site, ends_on=(timezone.now() + timedelta(days=5)).date())
    early = running.enrol(email="early@example.org", modules=(1,))
    running.attend_all(early, 1)
    out = io.StringIO()

    call_command("certificates_issue", stdout=out)
    call_command("certificates_issue", stdout=out)

    assert [c.participant for c in Certificate.objects.all()] == [done]
    assert "Certificates issued: 1." in out.getvalue()
    assert "Certificates issued: 0." in out.getvalue()
    assert f"[{'#' * 30}] 1/1 {course.edition.title}" in out.getvalue()


def test_days_option_skips_editions_that_ended_long_ago(course):
    done = course.enrol(email="done@example.org", modules=(1,))
    course.attend_all(done, 1)

    call_command("certificates_issue", "--days", "3", stdout=io.StringIO())

    assert not Certificate.objects.exists()
