"""GET /api/v1/preview/?token=…: a saved draft in exactly the shape of its page
type's published detail, in any language, never cached; an expired, tampered or
unknown token is refused with 401 and its own code. The token comes from
Wagtail's preview panel ("External frontend" mode)."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from learning.core.preview import preview_token_make

pytestmark = pytest.mark.django_db

FRONTEND = "http://frontend.example/preview/"


def _draft(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    return page.save_revision()


def _preview(api, revision, **headers):
    return api.get(
        "/api/v1/preview/", {"token": preview_token_make(revision=revision)}, **headers
    )


def test_a_draft_has_the_published_details_shape_and_is_not_cached(api, catalogue):
    module = catalogue.module
    revision = _draft(module, title="Module one, reworded", introduction="New intro")

    preview = _preview(api, revision)
    published = api.get(f"/api/v1/modules/{module.pk}/")

    assert preview.status_code == 200
    assert preview["Cache-Control"] == "no-store"
    assert "ETag" not in preview and "X-Cache" not in preview
    body = preview.json()
    assert set(body) == set(published.json())
    assert body["title"] == "Module one, reworded"
    assert body["introduction"] == "New intro"
    assert published.json()["title"] == "Module one"
    # Asking again reads the draft again: nothing was stored for the token's URL.
    assert _preview(api, revision)["Cache-Control"] == "no-store"
    assert api.get(f"/api/v1/modules/{module.pk}/").json()["title"] == "Module one"


def test_each_page_type_keeps_its_own_detail_shape(api, catalogue):
    for page, endpoint in (
        (catalogue.programme, "programmes"),
        (catalogue.topic, "session-topics"),
    ):
        body = _preview(api, _draft(page, title="Reworded")).json()
        published = api.get(f"/api/v1/{endpoint}/{page.pk}/").json()
        assert set(body) == set(published), endpoint
        assert body["title"] == "Reworded"


def test_drafts_in_any_language_and_never_published_pages(api, catalogue):
    spanish = _preview(api, _draft(catalogue.module_es, title="Módulo uno, borrador"))
    never_live = _preview(api, _draft(catalogue.draft_module, title="Still secret"))

    assert (spanish.json()["title"], spanish.json()["locale"]) == (
        "Módulo uno, borrador",
        "es",
    )
    assert never_live.json()["title"] == "Still secret"
    assert api.get(f"/api/v1/modules/{catalogue.draft_module.pk}/").status_code == 404


def test_the_token_shows_its_own_revision_not_a_later_one(api, catalogue):
    first = _draft(catalogue.module, title="First draft")
    token = preview_token_make(revision=first)
    _draft(catalogue.module, title="Second draft")

    body = api.get("/api/v1/preview/", {"token": token}).json()

    assert body["title"] == "First draft"


@pytest.mark.parametrize(
    ("token", "code"),
    [
        (lambda good: good[:-3] + "abc", "preview_token_invalid"),
        (lambda good: "", "preview_token_invalid"),
        (lambda good: None, "preview_token_invalid"),
    ],
)
def test_a_tampered_or_missing_token_is_refused(api, catalogue, token, code):
    good = preview_token_make(revision=_draft(catalogue.module, title="Draft"))
    bad = token(good)

    response = api.get("/api/v1/preview/", {} if bad is None else {"token": bad})

    assert response.status_code == 401
    assert response.json()["code"] == code
    assert "Draft" not in response.content.decode()
    assert response["WWW-Authenticate"]


def test_an_expired_token_is_refused_in_the_readers_language(
    api, catalogue, settings, time_machine
):
    settings.LEARNING_HEADLESS_PREVIEW_MINUTES = 10
    time_machine.move_to(timezone.now(), tick=False)
    revision = _draft(catalogue.module, title="Draft")
    token = preview_token_make(revision=revision)
    time_machine.shift(timedelta(minutes=11))

    response = api.get("/api/v1/preview/", {"token": token})
    spanish = api.get("/api/v1/preview/", {"token": token}, HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 401
    assert response.json()["code"] == "preview_token_expired"
    assert spanish.json()["message"] == (
        "Este enlace de vista previa venció: abre la vista previa de nuevo."
    )


def test_a_deleted_draft_is_an_unknown_revision(api, catalogue):
    revision = _draft(catalogue.module, title="Draft")
    token = preview_token_make(revision=revision)
    revision.delete()

    response = api.get("/api/v1/preview/", {"token": token})

    assert response.status_code == 401
    assert response.json()["code"] == "preview_revision_unknown"


def test_the_preview_panel_frames_the_frontend_with_a_working_token(
    api, catalogue, superuser_client, settings
):
    settings.LEARNING_HEADLESS_PREVIEW_URL = FRONTEND
    revision = _draft(catalogue.module, title="Seen in the frontend")
    url = f"/admin/pages/{catalogue.module.pk}/revisions/{revision.pk}/view/"

    panel = superuser_client.get(url, {"mode": "headless"})

    assert panel.status_code == 200
    frame = re.search(r'<iframe[^>]* src="([^"]+)"', panel.content.decode())
    assert frame, panel.content.decode()
    address = unescape(frame.group(1))
    assert address.startswith(FRONTEND + "?token=")
    token = address.split("token=", 1)[1].replace("%3A", ":")
    assert api.get("/api/v1/preview/", {"token": token}).json()["title"] == (
        "Seen in the frontend"
    )


def test_the_preview_panel_asks_for_a_saved_draft_first(
    catalogue, superuser_client, settings
):
    settings.LEARNING_HEADLESS_PREVIEW_URL = FRONTEND
    page = catalogue.untranslated_module
    type(page).objects.filter(pk=page.pk).update(latest_revision=None)
    revision = _draft(page, title="Unsaved")
    type(page).objects.filter(pk=page.pk).update(latest_revision=None)
    url = f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"

    panel = superuser_client.get(url, {"mode": "headless"})

    assert "<iframe" not in panel.content.decode()
    assert "Save a draft first" in panel.content.decode()
