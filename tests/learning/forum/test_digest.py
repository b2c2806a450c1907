"""The facilitators' digest of answers: one email per meeting, never twice."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from learning.forum.models import MeetingDigest
from learning.forum.services import forum_digest_send, post_create
from tests.factories.learning import MeetingFactory


def test_digest_is_sent_once_per_meeting(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    thread = world.thread(world.edition_a)
    post_create(thread=thread, author=world.participant_a.user, body="First answer")
    post_create(thread=thread, author=world.colleague_a.user, body="Second answer")
    post_create(
        thread=world.thread(world.edition_b),
        author=world.participant_b.user,
        body="Answer in B",
    )
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        first = forum_digest_send(meeting=world.meeting_a, now=now)
        second = forum_digest_send(meeting=world.meeting_a, now=now)

    assert first.post_count == 2
    assert second is None
    assert [message.to for message in mailoutbox] == [["facilitator@example.org"]]
    body = mailoutbox[0].body
    assert "First answer" in body
    assert "Second answer" in body
    assert "Answer in B" not in body


def test_command_digests_meetings_starting_soon_only(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="Ready",
    )
    soon = timezone.now() + timedelta(hours=5)
    world.meeting_a.starts_at = soon
    world.meeting_a.save()
    later = MeetingFactory(
        edition=world.edition_a,
        session_topic=world.topic,
        starts_at=timezone.now() + timedelta(days=10),
    )
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("forum_send_digests", "--hours", "24", stdout=out)
        call_command("forum_send_digests", "--hours", "24", stdout=StringIO())

    assert MeetingDigest.objects.filter(meeting=world.meeting_a).exists()
    assert not MeetingDigest.objects.filter(meeting=later).exists()
    assert len(mailoutbox) == 1
    assert "1/1" in out.getvalue()


def test_a_later_digest_only_carries_answers_since_the_previous_one(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    thread = world.thread(world.edition_a)
    post_create(thread=thread, author=world.participant_a.user, body="Old answer")
    with django_capture_on_commit_callbacks(execute=True):
        forum_digest_send(meeting=world.meeting_a, now=timezone.now())
    follow_up = MeetingFactory(
        edition=world.edition_a,
        session_topic=world.topic,
        starts_at=world.meeting_a.starts_at + timedelta(days=7),
    )
    post_create(thread=thread, author=world.colleague_a.user, body="New answer")

    with django_capture_on_commit_callbacks(execute=True):
        digest = forum_digest_send(
            meeting=follow_up, now=timezone.now() + timedelta(seconds=1)
        )

    assert digest.post_count == 1
    assert "New answer" in mailoutbox[-1].body
    assert "Old answer" not in mailoutbox[-1].body
