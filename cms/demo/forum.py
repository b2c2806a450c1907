"""Demo forum threads with replies in English and Spanish, made through services.

Threads open from the session topics' questions of both demo editions; the first
two threads of each edition get answers from the demo participants and a reply
from the facilitator, some in English, some in Spanish. In the open edition the
first thread is pinned and the second asks to post first. A later run finds the
threads with their posts and changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import participant_list_members
from learning.forum.enums import ThreadMode
from learning.forum.models import Thread
from learning.forum.services import (
    post_create,
    thread_ensure_for_edition,
    thread_mode_set,
    thread_pin,
)

from .learning import FACILITATOR, OPEN_SLUG, PARTICIPANT_A, PARTICIPANT_B, PAST_SLUG

THREADS_WITH_REPLIES = 2


@dataclass(frozen=True)
class DemoReply:
    who: str  # "main", "other" (another participant) or "facilitator"
    body: str
    quotes_previous: bool = False


REPLIES = (
    DemoReply(
        "main",
        "In our team, listening changed how we start **home visits**: we now ask "
        "the family what went well this week before we bring our checklist.\n\n"
        "- fewer cancelled visits\n- more honest conversations",
    ),
    DemoReply(
        "other",
        "Nosotros vivimos algo parecido. Cuando dejamos de *aconsejar* al principio, "
        "las familias empezaron a proponer sus propias soluciones.",
    ),
    DemoReply(
        "facilitator",
        "> Cuando dejamos de aconsejar al principio\n\n"
        "Thank you both! Let's bring these examples to the meeting. Useful reading: "
        "[Better Care Network](https://bettercarenetwork.org/).",
        quotes_previous=True,
    ),
    DemoReply(
        "main",
        "Gracias. Compartiré nuestra guía de visitas en la reunión.",
    ),
)


def ensure_forum() -> tuple[int, int]:
    """Open the demo editions' threads and answer a few; returns (created, reused)."""
    created = reused = 0
    for slug, main_email in (
        (OPEN_SLUG, PARTICIPANT_A[1]),
        (PAST_SLUG, PARTICIPANT_B[1]),
    ):
        edition = Edition.objects.filter(slug=slug).first()
        if edition is None:
            continue
        created += thread_ensure_for_edition(edition=edition)
        threads = list(
            Thread.objects.filter(edition=edition, session_topic__isnull=False)
            .select_related("session_topic")
            .order_by("session_topic__path", "pk")[:THREADS_WITH_REPLIES]
        )
        for number, thread in enumerate(threads):
            if thread.posts.exists():
                reused += 1
                continue
            created += _answer(thread=thread, main_email=main_email)
            if slug == OPEN_SLUG:
                _moderate(thread=thread, number=number)
    return created, reused


def _answer(*, thread: Thread, main_email: str) -> int:
    people = _people(edition=thread.edition, main_email=main_email)
    if people is None:
        return 0
    moment = _first_moment(thread=thread)
    previous = None
    for step, reply in enumerate(REPLIES):
        previous = post_create(
            thread=thread,
            author=people[reply.who],
            body=reply.body,
            quote=previous if reply.quotes_previous else None,
            now=moment + timedelta(hours=5 * step),
        )
    return len(REPLIES)


def _people(*, edition: Edition, main_email: str) -> dict[str, object] | None:
    """The demo participant (or the first member), another member, the facilitator."""
    facilitator = edition.facilitators.filter(email=FACILITATOR).first()
    members = [
        p.user for p in participant_list_members(edition=edition).select_related("user")
    ]
    members.sort(key=lambda user: user.email != main_email)
    if facilitator is None or len(members) < 2:
        return None
    return {"main": members[0], "other": members[1], "facilitator": facilitator}


def _first_moment(*, thread: Thread) -> datetime:
    """Three days before the thread's meeting, or a few days ago when it is later."""
    meeting = (
        Meeting.objects.filter(
            edition=thread.edition, session_topic=thread.session_topic
        )
        .order_by("starts_at")
        .first()
    )
    now = timezone.now()
    if meeting is None:
        return now - timedelta(days=3)
    return min(meeting.starts_at - timedelta(days=3), now - timedelta(days=1))


def _moderate(*, thread: Thread, number: int) -> None:
    facilitator = thread.edition.facilitators.filter(email=FACILITATOR).first()
    if facilitator is None:
        return
    if number == 0:
        thread_pin(thread=thread, actor=facilitator)
    else:
        thread_mode_set(thread=thread, mode=ThreadMode.POST_FIRST, actor=facilitator)
