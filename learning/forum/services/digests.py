"""The digest of answers emailed to the facilitators before each meeting."""

from datetime import datetime

from django.db import transaction

from learning.editions.models import Meeting

from ..models import MeetingDigest, Post
from ..tasks import forum_digest_email_send


@transaction.atomic
def forum_digest_send(*, meeting: Meeting, now: datetime) -> MeetingDigest | None:
    """Email the facilitators one digest of the answers before the meeting.

    Sent at most once per meeting: the digest row records it; a second call
    returns None. Answers are the visible posts in the threads of the meeting's
    session topic written since the edition's previous digest; late answers
    (written after an earlier meeting on the topic) are not preparation.
    """
    meeting = (
        Meeting.objects.select_for_update().select_related("edition").get(pk=meeting.pk)
    )
    if MeetingDigest.objects.filter(meeting=meeting).exists():
        return None
    since = (
        MeetingDigest.objects.filter(
            meeting__edition=meeting.edition,
            meeting__session_topic=meeting.session_topic,
        )
        .order_by("-digested_at")
        .values_list("digested_at", flat=True)
        .first()
    )
    posts = Post.objects.filter(
        thread__edition=meeting.edition,
        thread__session_topic=meeting.session_topic,
        is_hidden=False,
        is_late=False,
        created_at__lte=now,
    )
    if meeting.session_topic_id is None:
        posts = posts.none()
    if since is not None:
        posts = posts.filter(created_at__gt=since)
    post_ids = list(posts.order_by("created_at", "pk").values_list("pk", flat=True))
    recipients = list(meeting.edition.facilitators.values_list("pk", flat=True))
    digest = MeetingDigest.objects.create(
        meeting=meeting,
        digested_at=now,
        post_count=len(post_ids),
        recipient_count=len(recipients) if post_ids else 0,
    )
    if post_ids and recipients:
        meeting_id = meeting.pk
        transaction.on_commit(
            lambda: forum_digest_email_send.enqueue(
                meeting_id=meeting_id, post_ids=post_ids, user_ids=recipients
            ),
            robust=True,
        )
    return digest
