"""The site: the next-meeting card on My programme (mark reviewed, answer), the
facilitators' readiness page, the forum's default order, the profile setting."""

import pytest
from django.urls import reverse

from learning.forum.models import Post, Thread
from learning.preparation.models import ReminderPreference
from tests.factories.users import UserFactory

from .conftest import MATERIAL_KEYS

pytestmark = pytest.mark.django_db


def test_my_programme_shows_the_next_meeting_card(client, world):
    client.force_login(world.participant_a.user)
    html = client.get(reverse("participants:home")).content.decode()
    assert f'data-next-meeting="{world.edition.pk}"' in html
    assert f'data-meeting-card="{world.module_1.pk}"' in html
    assert "0 of 2 reviewed" in html and "0 of 2 answered" in html
    assert f'data-following-meeting="{world.module_2.pk}"' in html
    assert f'data-following-meeting="{world.module_3.pk}"' not in html


def test_marking_from_the_card_returns_to_it_with_the_count_changed(client, world):
    client.force_login(world.participant_a.user)
    back = reverse("participants:home") + f"#next-meeting-{world.edition.pk}"
    response = client.post(
        reverse("materials:review", kwargs={"edition_id": world.edition.pk}),
        {
            "session_topic": world.module_1.session_topic_id,
            "material": MATERIAL_KEYS[0],
            "reviewed": "1",
            "next": back,
        },
    )
    assert response.status_code == 302 and response.url == back
    html = client.get(reverse("participants:home")).content.decode()
    assert "1 of 2 reviewed" in html


def test_the_review_form_does_not_follow_another_sites_address(client, world):
    client.force_login(world.participant_a.user)
    response = client.post(
        reverse("materials:review", kwargs={"edition_id": world.edition.pk}),
        {
            "session_topic": world.module_1.session_topic_id,
            "material": MATERIAL_KEYS[0],
            "reviewed": "1",
            "next": "https://evil.example.org/",
        },
    )
    assert "evil" not in response.url


def test_answer_leads_to_the_questions_thread_and_answering_counts(client, world):
    client.force_login(world.participant_a.user)
    topic = world.module_1.session_topic
    url = reverse(
        "preparation:answer",
        kwargs={"edition_id": world.edition.pk, "topic_id": topic.pk, "key": "q-next"},
    )
    response = client.get(url)
    thread = Thread.objects.get(
        edition=world.edition, session_topic=topic, question_key="q-next"
    )
    assert response.url == reverse("forum:thread", kwargs={"pk": thread.pk}) + "#reply"
    client.post(reverse("forum:reply", kwargs={"pk": thread.pk}), {"body": "Mine."})
    assert Post.objects.filter(thread=thread).exists()
    html = client.get(reverse("participants:home")).content.decode()
    assert "1 of 2 answered" in html


def test_answer_is_a_404_for_non_members_and_unknown_questions(client, world):
    topic = world.module_1.session_topic
    kwargs = {"edition_id": world.edition.pk, "topic_id": topic.pk}
    client.force_login(UserFactory())
    assert (
        client.get(
            reverse("preparation:answer", kwargs={**kwargs, "key": "q-next"})
        ).status_code
        == 404
    )
    client.force_login(world.participant_a.user)
    assert (
        client.get(
            reverse("preparation:answer", kwargs={**kwargs, "key": "nope"})
        ).status_code
        == 404
    )


def test_readiness_page_is_for_facilitators(client, world):
    url = reverse("preparation:readiness", kwargs={"edition_id": world.edition.pk})
    client.force_login(world.facilitator)
    html = client.get(url).content.decode()
    assert world.participant_a.name in html and world.participant_c.name in html
    assert f'data-meeting="{world.module_1.pk}"' in html
    client.force_login(world.participant_a.user)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_forum_page_orders_participants_threads_by_deadline(client, world):
    client.force_login(world.participant_a.user)
    url = reverse("forum:index", kwargs={"edition_id": world.edition.pk})
    html = client.get(url).content.decode()
    assert 'data-thread-scope="mine"' in html
    module_1 = world.module_1.session_topic.title
    module_2 = world.module_2.session_topic.title
    assert html.index(module_1) < html.index(module_2)
    assert world.module_3.session_topic.title not in html
    assert (
        world.module_3.session_topic.title
        in client.get(url + "?scope=all").content.decode()
    )


def test_profile_keeps_the_reminder_setting(client, world):
    user = world.participant_a.user
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Ana",
            "last_name": "P",
            "preferred_language": "en",
            "time_zone": "",
            "meeting_reminder_days": "0",
        },
    )
    assert response.status_code == 302
    assert ReminderPreference.objects.get(user=user).days_before == 0
