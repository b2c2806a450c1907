"""A cached content response changes as soon as anything it shows changes: a
translation's strings, review and sync, images, documents, snippets, the site's
address and the publishing schedule. Each is read twice, detail and list: the
first read fills the cache, the second must show the change."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site, WorkflowState

from cms.translations.services import (
    translation_sources_sync,
    translation_submit_for_review,
)
from tests.cms.translations import conftest as translations
from tests.cms.translations.test_review_workflow import act, retranslate
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    PublicationPageFactory,
    PublicationPageTopicFactory,
    StandardPageFactory,
    VideoPageFactory,
)
from tests.factories.snippets import TestimonialFactory, TopicFactory

pytestmark = pytest.mark.django_db

# The bilingual page and testimonial of the translation workflow's tests.
team = translations.team
bilingual = translations.bilingual
translator = translations.translator
editor = translations.editor

PAGES = "/api/v1/standard-pages/"


def item_and_listed(api, url: str, pk: int) -> tuple[dict, dict | None]:
    """The item pk from its detail and from its (English) list."""
    detail = api.get(f"{url}{pk}/").json()
    listed = {item["id"]: item for item in api.get(url).json()["results"]}
    return detail, listed.get(pk)


def spanish_status(api, url: str, pk: int) -> tuple[str, str]:
    detail, listed = item_and_listed(api, url, pk)
    return detail["translations"]["es"]["status"], listed["translations"]["es"][
        "status"
    ]


def twice(status: str) -> tuple[str, str]:
    return (status, status)


@pytest.mark.parametrize(
    ("kind", "url", "text", "new_text"),
    [
        ("page", PAGES, "About us", "Sobre nosotras"),
        ("snippet", "/api/v1/testimonials/", "We learnt a lot.", "¡Mucho!"),
    ],
)
def test_a_translators_edit_and_submission_are_seen_at_once(
    api, bilingual, translator, kind, url, text, new_text
):
    source, target = getattr(bilingual, kind)["en"], getattr(bilingual, kind)["es"]
    assert spanish_status(api, url, source.pk) == twice("up_to_date")

    retranslate(bilingual.translations[kind], text, new_text)
    assert spanish_status(api, url, source.pk) == twice("outdated")

    translation_submit_for_review(target=target, user=translator)
    assert spanish_status(api, url, source.pk) == twice("in_review")


def _reviewed(client, editor, page_pk: int, action: str) -> None:
    client.force_login(editor)
    page = Page.objects.get(pk=page_pk).specific
    assert act(client, page, action, "").status_code == 302


def test_reject_cancel_and_approve_are_seen_at_once(
    api, client, bilingual, translator, editor
):
    source, target = bilingual.page["en"], bilingual.page["es"]
    retranslate(bilingual.translations["page"], "About us", "Sobre nosotras")
    translation_submit_for_review(target=target, user=translator)
    assert spanish_status(api, PAGES, source.pk) == twice("in_review")

    _reviewed(client, editor, target.pk, "reject")
    assert spanish_status(api, PAGES, source.pk) == twice("outdated")

    translation_submit_for_review(target=target, user=translator)
    assert spanish_status(api, PAGES, source.pk) == twice("in_review")

    WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS).cancel(
        user=translator
    )
    assert spanish_status(api, PAGES, source.pk) == twice("outdated")

    translation_submit_for_review(target=target, user=translator)
    _reviewed(client, editor, target.pk, "approve")
    assert spanish_status(api, PAGES, source.pk) == twice("up_to_date")


def test_the_sync_of_a_changed_source_is_seen_at_once(api, bilingual):
    source = bilingual.page["en"]
    source.introduction = "Changed intro."
    source.save_revision().publish()
    # Read between the publish and the sync of its translations (a task).
    assert spanish_status(api, PAGES, source.pk) == twice("up_to_date")

    translation_sources_sync(source_ids=[bilingual.translations["page"].source_id])

    assert spanish_status(api, PAGES, source.pk) == twice("outdated")


def test_image_and_document_changes_are_seen_at_once(api, home_pages):
    home = home_pages["en"]
    video = VideoPageFactory(
        parent__parent=home, poster_image=ImageFactory(title="Old poster")
    )
    publication = PublicationPageFactory(
        parent__parent=home, document=DocumentFactory(title="Old report")
    )
    videos, publications = "/api/v1/videos/", "/api/v1/publications/"
    for item in item_and_listed(api, videos, video.pk):
        assert item["poster_image"]["title"] == "Old poster"
    for item in item_and_listed(api, publications, publication.pk):
        assert item["document"]["title"] == "Old report"

    video.poster_image.title = "New poster"
    video.poster_image.save()
    publication.document.title = "New report"
    publication.document.save()

    for item in item_and_listed(api, videos, video.pk):
        assert item["poster_image"]["title"] == "New poster"
    for item in item_and_listed(api, publications, publication.pk):
        assert item["document"]["title"] == "New report"


def results(api, url: str) -> list[dict]:
    return api.get(url).json()["results"]


def test_snippet_changes_are_seen_at_once(api, home_pages):
    link = PublicationPageTopicFactory(
        page__parent__parent=home_pages["en"], topic=TopicFactory(name="Care")
    )
    testimonial = TestimonialFactory(person_name="Ana Pérez")
    [publication] = results(api, "/api/v1/publications/")
    assert [topic["name"] for topic in publication["topics"]] == ["Care"]
    [shown] = results(api, "/api/v1/testimonials/")
    assert shown["person_name"] == "Ana Pérez"

    link.topic.name = "Caring"
    link.topic.save()
    testimonial.delete()

    [publication] = results(api, "/api/v1/publications/")
    assert [topic["name"] for topic in publication["topics"]] == ["Caring"]
    assert results(api, "/api/v1/testimonials/") == []


def test_a_change_of_the_sites_address_is_seen_at_once(api, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], slug="about")
    for item in item_and_listed(api, PAGES, page.pk):
        assert item["url"] == "http://localhost/en/about/"

    site = Site.objects.get(is_default_site=True)
    site.hostname = "learning.example.org"
    site.save()

    for item in item_and_listed(api, PAGES, page.pk):
        assert item["url"] == "http://learning.example.org/en/about/"


def test_the_publishing_schedule_is_seen_at_once(api, home_pages):
    home = home_pages["en"]
    ending = StandardPageFactory(parent=home, title="Ending", slug="ending")
    coming = StandardPageFactory(parent=home, title="Coming", slug="coming", live=False)
    past = timezone.now() - timedelta(minutes=1)
    coming.save_revision(approved_go_live_at=past)
    assert item_and_listed(api, PAGES, ending.pk)[1]["title"] == "Ending"
    assert api.get(f"{PAGES}{coming.pk}/").status_code == 404
    Page.objects.filter(pk=ending.pk).update(expire_at=past)

    call_command("publish_scheduled", verbosity=0)

    assert api.get(f"{PAGES}{ending.pk}/").status_code == 404
    titles = [item["title"] for item in api.get(PAGES).json()["results"]]
    assert titles == ["Coming"]
