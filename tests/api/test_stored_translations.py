"""A page's `translations` (its translations' ids, URLs and states) are stored
with its representation and made again after any change that alters them: a
translator's edit, a review workflow, a publish, a view restriction, a move."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import (
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, StringTranslation

from api.content import stored_translations as stored_module
from api.content.models import StoredRepresentation
from cms.pages.models import StandardPage
from tests.cms.translations.conftest import localize
from tests.factories import SuperUserFactory


@pytest.fixture(autouse=True)
def _no_response_cache(settings):
    # Every read below is a miss: what is shown comes from the stored rows.
    settings.API_RESPONSE_CACHE = False


@pytest.fixture
def about(home_pages, locales):
    page = home_pages["en"].add_child(
        instance=StandardPage(
            title="About us",
            slug="about",
            introduction="Who we are.",
            locale=locales["en"],
        )
    )
    page.save_revision().publish()
    return page


def _spanish(about, locales):
    page, _translation = localize(
        about,
        locales["es"],
        **{
            "About us": "Quiénes somos",
            "about": "quienes-somos",
            "Who we are.": "Quiénes somos.",
        },
    )
    return page


def _entry(api, page, language="es"):
    response = api.get(f"/api/v1/standard-pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()["translations"][language]


def _stored(page):
    return StoredRepresentation.objects.get(object_id=page.pk).translations


def test_publishing_the_translation_fills_the_entry_stored_before(api, about, locales):
    assert _entry(api, about) == {"id": None, "url": None, "status": "missing"}
    assert _stored(about) is not None

    spanish = _spanish(about, locales)

    entry = _entry(api, about)
    assert entry["id"] == spanish.pk
    assert entry["url"].endswith("/es/quienes-somos/")


def test_a_translators_edit_after_the_publish_makes_it_outdated(api, about, locales):
    _spanish(about, locales)
    assert _entry(api, about)["status"] == "up_to_date"

    segment = StringSegment.objects.get(
        source__object_id=about.translation_key, string__data="Who we are."
    )
    edit = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locales["es"]
    )
    edit.data = "Quiénes somos y por qué."  # saved, not yet published
    edit.save()

    assert _stored(about) is None
    assert _entry(api, about)["status"] == "outdated"


def test_a_review_workflow_on_the_translation_shows_it_in_review(api, about, locales):
    spanish = _spanish(about, locales)
    assert _entry(api, about)["status"] == "up_to_date"
    workflow = Workflow.objects.create(name="Spanish review")
    task = GroupApprovalTask.objects.create(name="Check")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    workflow.start(Page.objects.get(pk=spanish.pk).specific, SuperUserFactory())

    assert _entry(api, about)["status"] == "in_review"


def test_a_view_restriction_on_the_translation_reports_it_missing(api, about, locales):
    spanish = _spanish(about, locales)
    assert _entry(api, about)["id"] == spanish.pk

    PageViewRestriction.objects.create(page=spanish, restriction_type="login")

    assert _entry(api, about) == {"id": None, "url": None, "status": "missing"}


def test_a_new_slug_shows_in_the_translations_url(api, about, locales):
    spanish = _spanish(about, locales)
    assert _entry(api, about)["url"].endswith("/es/quienes-somos/")

    spanish.slug = "nosotros"
    spanish.save_revision().publish()

    assert _entry(api, about)["url"].endswith("/es/nosotros/")
    # The page's own URL comes from the same stored entry.
    english = api.get(f"/api/v1/standard-pages/{about.pk}/").json()
    assert english["url"] == english["translations"]["en"]["url"]


def test_a_text_made_before_a_change_is_served_but_not_stored(
    api, about, locales, monkeypatch
):
    spanish = _spanish(about, locales)
    made = stored_module.translations_map

    def made_then_changed(pages, **kwargs):
        result = made(pages, **kwargs)
        # A translator's review starts while this read is making the text.
        PageViewRestriction.objects.create(page=spanish, restriction_type="login")
        return result

    monkeypatch.setattr(stored_module, "translations_map", made_then_changed)
    assert _entry(api, about)["id"] == spanish.pk  # made before the change

    assert _stored(about) is None
    monkeypatch.undo()
    assert _entry(api, about)["status"] == "missing"


def test_a_list_read_again_makes_no_translation_query(api, home_pages, locales):
    for n in range(5):
        page = home_pages["en"].add_child(
            instance=StandardPage(
                title=f"Page {n}", slug=f"page-{n}", locale=locales["en"]
            )
        )
        page.save_revision().publish()
        localize(page, locales["es"], **{f"Page {n}": f"Página {n}"})
    url = "/api/v1/standard-pages/?locale=es"
    with CaptureQueriesContext(connection) as first:
        assert len(api.get(url).json()["results"]) == 5
    with CaptureQueriesContext(connection) as again:
        response = api.get(url)

    assert [
        item["translations"]["en"]["status"] for item in response.json()["results"]
    ] == ["up_to_date"] * 5
    localize_queries = [
        q for q in again.captured_queries if "wagtail_localize" in q["sql"]
    ]
    assert localize_queries == []
    assert len(again.captured_queries) < len(first.captured_queries)
