"""The bulk action for editors and reviewers: machine-translate a set of pages and
send them to review in one step (with the offline machine translator)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import WorkflowState

from cms.pages.models import StandardPage
from cms.translations.selectors import translation_status_matrix
from cms.translations.services import translation_machine_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_pages, locales):
    made = []
    for number in (1, 2):
        page = home_pages["en"].add_child(
            instance=StandardPage(
                title=f"Guide {number}",
                slug=f"guide-{number}",
                introduction="How to take part.",
                locale=locales["en"],
            )
        )
        page.save_revision().publish()
        made.append(page)
    return made


def test_a_reviewer_machine_translates_and_sends_to_review(pages, editor, locales):
    state = translation_machine_review(
        source=pages[0], locale=locales["es"], user=editor
    )

    target = pages[0].get_translation(locales["es"]).specific
    draft = target.get_latest_revision_as_object()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not target.live  # readers see nothing before review
    assert draft.introduction.startswith("[ES·MT]")
    (row,) = translation_status_matrix(objects=[pages[0]], locales=[locales["es"]])
    assert row.cells["es"].status == "in_review"


def test_a_translator_may_not_skip_to_review_this_way(pages, translator, locales):
    with pytest.raises(PermissionDenied):
        translation_machine_review(
            source=pages[0], locale=locales["es"], user=translator
        )

    assert not pages[0].has_translation(locales["es"])


def test_the_bulk_action_does_several_pages_in_one_step(client, pages, editor, locales):
    client.force_login(editor)
    url = reverse(
        "wagtail_bulk_action",
        args=("wagtailcore", "page", "machine_translate_for_review"),
    )
    query = f"?id={pages[0].pk}&id={pages[1].pk}&next=/admin/pages/"

    confirm = client.get(url + query)
    done = client.post(url + query, {"locale": "es"}, follow=True)

    assert confirm.status_code == 200
    assert "Guide 2" in confirm.content.decode()
    assert "2 pages were machine-translated and sent to review." in (
        done.content.decode()
    )
    rows = translation_status_matrix(objects=pages, locales=[locales["es"]])
    assert [row.cells["es"].status for row in rows] == ["in_review", "in_review"]
