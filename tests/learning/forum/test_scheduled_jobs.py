"""The facilitators' digest goes out by itself, hourly at :05, once per meeting."""

from datetime import timedelta

from django.utils import timezone

from learning.forum.models import MeetingDigest
from learning.forum.services import post_create
from tests.learning.scheduling.clock import runs_of, tick_at


def test_the_hourly_run_sends_a_meetings_digest_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="Ready",
    )
    hour = (timezone.now() + timedelta(hours=2)).replace(
        minute=0, second=0, microsecond=0
    )
    # 24 hours ahead of the 12:05 run (plus 40 s): due then, not at 11:05 or 12:04.
    world.meeting_a.starts_at = hour + timedelta(hours=24, minutes=4, seconds=50)
    world.meeting_a.save()

    with django_capture_on_commit_callbacks(execute=True):
        tick_at(hour + timedelta(minutes=4))
        assert not MeetingDigest.objects.filter(meeting=world.meeting_a).exists()
        tick_at(hour + timedelta(minutes=5, seconds=10))
        tick_at(hour + timedelta(minutes=30))

    assert MeetingDigest.objects.filter(meeting=world.meeting_a).exists()
    assert [message.to for message in mailoutbox] == [["facilitator@example.org"]]
    assert [run.due_at for run in runs_of("forum_digests")] == [
        hour - timedelta(minutes=55),
        hour + timedelta(minutes=5),
    ]
