"""Certificates of finished editions are issued by the clock, daily at 02:15, once."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from learning.certificates.models import Certificate
from tests.learning.scheduling.clock import runs_of, tick_at


def at(day, hour: int, minute: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_the_daily_run_issues_a_certificate_once(course):
    tomorrow = timezone.localdate() + timedelta(days=1)
    tick_at(at(tomorrow, 2, 0))  # the clock catches up yesterday's run first
    done = course.enrol(email="done@example.org", modules=(1,))
    course.attend_all(done, 1)

    tick_at(at(tomorrow, 2, 14))
    assert not Certificate.objects.exists()

    tick_at(at(tomorrow, 2, 16))
    tick_at(at(tomorrow, 2, 45))

    assert [c.participant for c in Certificate.objects.all()] == [done]
    last = runs_of("certificates_issue")[-1]
    assert last.due_at == at(tomorrow, 2, 15)
    assert last.message.endswith("Certificates issued: 1.")
    assert len(runs_of("certificates_issue")) == 2
