"""A page's stored parts (cms/core/stored_parts.py): rendered once per live
revision and language, they make the same page as a fresh render, follow every
change of what they show, hold nobody's data and keep a page's queries flat."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.middleware.csrf import get_token
from django.template import Context
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site

from cms.core.models import StoredPagePart
from cms.core.stored_parts import part_render
from tests.factories.learning import ParticipantFactory

STORED_TYPES = ("programme", "module", "session_topic")


def _get(client, url: str) -> str:
    with override_settings(SITE_PAGE_CACHE=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _fresh(client, url: str) -> str:
    with override_settings(SITE_STORED_PARTS=False):
        return _get(client, url)


def _publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", STORED_TYPES)
def test_a_page_from_its_stored_parts_equals_a_fresh_render(
    client, page_of, name, language
):
    page = page_of(name, language)
    _get(client, page.url)  # stores the parts

    stored = _get(client, page.url)

    assert StoredPagePart.objects.filter(
        page=page, language_code=language, name="body"
    ).exists()
    assert stored == _fresh(client, page.url)


def test_a_page_is_read_from_its_rows(client, page_of):
    module = page_of("module")
    _get(client, module.url)
    StoredPagePart.objects.filter(page=module, name="body").update(
        html="<p>made earlier</p>"
    )

    assert "<p>made earlier</p>" in _get(client, module.url)


def test_rows_of_other_templates_or_code_are_not_read(client, page_of):
    module = page_of("module")
    _get(client, module.url)
    StoredPagePart.objects.filter(page=module).update(
        html="<p>made by old templates</p>", version="old"
    )

    html = _get(client, module.url)

    assert "made by old templates" not in html
    assert html == _fresh(client, module.url)


def test_publishing_the_page_shows_its_new_content(client, page_of):
    module = page_of("module")
    _get(client, module.url)

    _publish(module, introduction="A brand new introduction.")

    assert "A brand new introduction." in _get(client, module.url)


def test_publishing_a_child_refreshes_its_card_on_the_parent(client, page_of):
    programme, module = page_of("programme"), page_of("module")
    _get(client, programme.url)

    _publish(module, title="Renamed module")

    assert ">Renamed module</a>" in _get(client, programme.url)


def test_publishing_the_source_refreshes_its_translation(client, page_of):
    spanish = page_of("programme", "es")
    _get(client, spanish.url)
    english = page_of("programme")
    StoredPagePart.objects.filter(page=spanish).update(html="<p>stale</p>")

    _publish(english, title=english.title)

    html = _get(client, spanish.url)
    assert "<p>stale</p>" not in html
    assert html == _fresh(client, spanish.url)


def test_unpublishing_or_restricting_a_child_removes_its_card(client, page_of):
    programme, module = page_of("programme"), page_of("module")
    _get(client, programme.url)

    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.LOGIN
    )
    assert module.url not in _get(client, programme.url)

    PageViewRestriction.objects.filter(page=module).delete()
    assert module.url in _get(client, programme.url)
    module.unpublish()
    assert module.url not in _get(client, programme.url)


def test_a_renamed_ancestor_refreshes_the_breadcrumbs(client, page_of):
    topic = page_of("session_topic")
    _get(client, topic.url)

    _publish(page_of("programme"), title="Renamed programme")

    assert "Renamed programme" in _get(client, topic.url)


def test_a_new_slug_moves_every_link_to_it(client, page_of):
    programme, module = page_of("programme"), page_of("module")
    _get(client, programme.url)

    _publish(module, slug="renamed-module")

    html = _get(client, programme.url)
    assert "/renamed-module/" in html
    assert html == _fresh(client, programme.url)


def test_a_moved_page_leaves_its_old_parent(client, page_of):
    programme, module = page_of("programme"), page_of("module")
    _get(client, programme.url)

    module.move(page_of("home"), pos="last-child")

    assert f">{module.title}</a>" not in _get(client, programme.url)


def test_a_changed_document_refreshes_the_pages_that_link_it(
    client, page_of, bilingual_site
):
    topic = page_of("session_topic")
    ReferenceIndex.create_or_update_for_object(topic)
    _get(client, topic.url)
    document = bilingual_site.documents["pdf"]
    document.refresh_from_db()

    document.file = ContentFile(b"%PDF-1.4 a longer new file", name="new-sheet.pdf")
    document.save()

    html = _get(client, topic.url)
    assert html == _fresh(client, topic.url)
    assert "new-sheet" in html


def test_a_deleted_linked_page_leaves_the_page_that_showed_it(
    client, page_of, bilingual_site
):
    topic = page_of("session_topic")
    ReferenceIndex.create_or_update_for_object(topic)
    html = _get(client, topic.url)
    linked = [
        Page.objects.get(pk=block.value["page"].pk)
        for block in topic.materials
        if block.block_type == "page"
    ]
    assert linked and linked[0].title in html

    linked[0].delete()

    html = _get(client, topic.url)
    assert html == _fresh(client, topic.url)
    assert linked[0].title not in html


def test_a_changed_site_or_locale_refreshes_every_page(client, page_of):
    _get(client, page_of("module").url)
    assert StoredPagePart.objects.exists()

    Site.objects.get(is_default_site=True).save()

    assert not StoredPagePart.objects.exists()


def test_nobody_s_data_is_stored_or_shown_to_another(client, page_of):
    module = page_of("module")
    first, second = ParticipantFactory(), ParticipantFactory()
    seen = {}
    for participant in (first, second):
        client.force_login(participant.user)
        seen[participant] = _get(client, module.url)
        client.logout()

    stored = "".join(StoredPagePart.objects.values_list("html", flat=True))
    for participant in (first, second):
        assert participant.user.email not in stored
        assert participant.name not in stored
    assert first.name not in seen[second]
    assert second.name not in seen[first]


def test_a_part_that_holds_a_csrf_token_is_not_stored(rf, page_of):
    request = rf.get("/")
    context = Context({"request": request, "page": page_of("module")})

    html = part_render(context, "form", lambda: f"<input value={get_token(request)}>")

    assert "<input" in html
    assert not StoredPagePart.objects.filter(name="form").exists()
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"]  # the response still sets it


def test_rebuild_makes_the_rows_of_every_live_page(page_of):
    out = io.StringIO()

    call_command("rebuild_site_parts", stdout=out)

    for name in STORED_TYPES:
        for language in ("en", "es"):
            page = page_of(name, language)
            assert StoredPagePart.objects.filter(
                page=page, language_code=language, name="body"
            ).exists()
    assert "Pages [" in out.getvalue()
