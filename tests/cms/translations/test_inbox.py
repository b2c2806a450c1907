"""The translator's inbox: work ordered by the date something needs it, then by
size; the weekly digest and the alert a week ahead, once per page and date."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cms.translations.inbox import translation_work_list
from cms.translations.inbox_notices import inbox_alerts_send, inbox_digests_enqueue
from learning.editions.models import Meeting
from tests.cms.translations.helpers import translate
from tests.factories.catalogue import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)
from tests.factories.learning import EditionFactory, MeetingFactory, ProgrammeTree

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(home_pages, locales):
    """A programme whose enrolment opens in two months, with a meeting on topic
    2.1 in five days."""
    tree = _tree(home_pages["en"])
    now = timezone.now()
    edition = EditionFactory(
        programme=tree.programme,
        enrolment_opens_at=now + timedelta(days=60),
        enrolment_closes_at=now + timedelta(days=90),
    )
    MeetingFactory(
        edition=edition,
        session_topic=tree.topics[2][0],
        starts_at=now + timedelta(days=5),
    )
    return tree


def _tree(home) -> ProgrammeTree:
    """Two modules of one topic each, under the site's home page (where the
    Spanish team has its rights)."""
    index = ProgrammeIndexPageFactory(parent=home)
    programme = ProgrammePageFactory(parent=index)
    tree = ProgrammeTree(programme=programme, modules=[], topics={})
    for number in (1, 2):
        module = ModulePageFactory(
            parent=programme, title=f"Module {number}", module_number=number
        )
        tree.modules.append(module)
        tree.topics[number] = [
            SessionTopicPageFactory(parent=module, title=f"Topic {number}.1")
        ]
    return tree


def _titles(rows):
    return [str(row.object) for row in rows]


def test_a_page_needed_in_five_days_comes_before_one_needed_in_two_months(
    planned, locales
):
    rows = translation_work_list(locale=locales["es"])

    titles = _titles(rows)
    soon = {"Topic 2.1", "Module 2"}
    later = {planned.programme.title, "Module 1", "Topic 1.1"}
    assert set(titles[:2]) == soon
    assert set(titles[2:5]) == later
    assert all(row.need_by is None for row in rows[5:])
    assert rows[0].need_reason == "Meeting: Topic 2.1"
    # Within one date, the biggest first.
    assert rows[2].words_left >= rows[3].words_left >= rows[4].words_left
    assert all(row.cells["es"].status == "missing" for row in rows[:5])


def test_words_left_count_only_the_strings_that_changed(
    planned, locales, django_capture_on_commit_callbacks
):
    pages = [planned.programme, *planned.modules, *planned.topics[1]]
    pages += planned.topics[2]
    translate(pages, locales["es"])
    module = planned.modules[0]
    module.title = "A brand new module title"
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()

    rows = translation_work_list(locale=locales["es"])

    changed = next(row for row in rows if row.object.pk == module.pk)
    assert changed.cells["es"].status == "outdated"
    assert changed.words_left == 5
    assert planned.topics[1][0].pk not in {row.object.pk for row in rows}


def test_the_alert_goes_once_per_page_and_date(
    planned, translator, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = inbox_alerts_send()
        again = inbox_alerts_send()
        Meeting.objects.update(starts_at=timezone.now() + timedelta(days=4))
        moved = inbox_alerts_send()

    assert (first, again, moved) == (2, 0, 2)
    alerts = [m for m in mail.outbox if m.to == [translator.email]]
    assert len(alerts) == 2
    assert "Topic 2.1" in alerts[0].body and "Module 2" in alerts[0].body
    assert "Topic 1.1" not in alerts[0].body  # needed in two months


def test_the_weekly_digest_lists_the_inbox_in_order(planned, translator):
    mail.outbox.clear()

    inbox_digests_enqueue()

    (digest,) = [m for m in mail.outbox if m.to == [translator.email]]
    body = digest.body
    assert body.index("Topic 2.1") < body.index("Topic 1.1")
    assert "/admin/" in body


def test_the_dashboard_lists_the_inbox_with_start_and_continue(
    client, planned, translator, locales
):
    translate([planned.programme, planned.modules[1]], locales["es"])
    topic = planned.topics[2][0]
    client.force_login(translator)

    before = client.get("/admin/").content.decode()
    client.post(
        f"/admin/translations/start/{topic.content_type_id}/{topic.pk}/es/",
        {"next": "/admin/"},
    )
    after = client.get("/admin/").content.decode()

    assert before.index("Topic 2.1") < before.index("Topic 1.1")
    assert "data-translations-start" in before
    assert "data-inbox-continue" in after
    assert "data-words-left" in after
