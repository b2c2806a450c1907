"""The demo forum: answers in both languages, made once."""

from cms.demo.forum import REPLIES, ensure_forum
from learning.forum.enums import ThreadMode
from learning.forum.models import Post, Thread
from tests.factories.learning import ParticipantFactory
from tests.factories.users import UserFactory


def test_ensure_forum_answers_in_both_languages_and_is_idempotent(world):
    world.edition_a.slug = "demo-open"
    world.edition_a.save()
    world.edition_b.slug = "demo-past"
    world.edition_b.save()
    world.edition_b.facilitators.add(world.facilitator)
    ParticipantFactory(
        enrolment=world.participant_b.enrolment,
        user=UserFactory(email="colleague-b@example.org"),
    )

    created, reused = ensure_forum()
    again = ensure_forum()

    assert created == 4 * len(REPLIES)  # two threads per edition
    assert reused == 0
    assert again == (0, 4)
    assert Post.objects.count() == 4 * len(REPLIES)
    bodies = list(Post.objects.values_list("body_markdown", flat=True))
    assert any("listening" in body for body in bodies)
    assert any("familias" in body for body in bodies)
    open_threads = Thread.objects.filter(edition=world.edition_a).order_by("-is_pinned")
    assert open_threads[0].is_pinned
    assert open_threads.filter(mode=ThreadMode.POST_FIRST).count() == 1
    first_by_a = Post.objects.filter(thread__edition=world.edition_a).first()
    assert first_by_a.author.email == "participant-a@example.org"
    thread = open_threads[0]
    thread.refresh_from_db()
    assert thread.reply_count == len(REPLIES)
