"""Content endpoints: languages, fallback, find by path, translations map,
breadcrumbs, navigation, typed blocks; drafts and private pages never appear."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.indexing]

HIDDEN = {"Secret draft", "Members only", "Hidden topic"}


def titles(response):
    return [item["title"] for item in response.json()["results"]]


def test_list_is_english_by_default_and_hides_drafts_and_private(api, catalogue):
    response = api.get("/api/v1/modules/")
    assert response.status_code == 200
    assert titles(response) == ["Module one", "Module two"]


def test_locale_param_and_accept_language(api, catalogue):
    assert titles(api.get("/api/v1/modules/?locale=es")) == ["Módulo uno"]
    response = api.get("/api/v1/modules/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert titles(response) == ["Módulo uno"]
    # The parameter wins over the header.
    response = api.get("/api/v1/modules/?locale=en", HTTP_ACCEPT_LANGUAGE="es")
    assert titles(response) == ["Module one", "Module two"]


def test_fallback_marks_english_items(api, catalogue):
    results = api.get("/api/v1/modules/?locale=es&fallback=en").json()["results"]
    assert sorted((r["title"], r["fallback"]) for r in results) == [
        ("Module two", True),
        ("Módulo uno", False),
    ]


def test_detail_in_spanish_or_fallback(api, catalogue):
    pk = catalogue.untranslated_module.pk
    missing = api.get(f"/api/v1/modules/{pk}/?locale=es")
    assert missing.status_code == 404
    assert missing.json()["code"] == "translation_missing"
    fallback = api.get(f"/api/v1/modules/{pk}/?locale=es&fallback=en").json()
    assert fallback["title"] == "Module two"
    assert fallback["fallback"] is True
    spanish = api.get(f"/api/v1/modules/{catalogue.module.pk}/?locale=es").json()
    assert spanish["id"] == catalogue.module_es.pk
    assert spanish["fallback"] is False


def test_translations_map(api, catalogue):
    item = api.get(f"/api/v1/programmes/{catalogue.programme.pk}/").json()
    assert item["translations"]["en"]["id"] == catalogue.programme.pk
    assert item["translations"]["es"]["id"] == catalogue.programme_es.pk
    assert item["translations"]["es"]["url"].endswith(
        "/es/programas/aprendizaje-mutuo/"
    )
    assert item["translations"]["es"]["status"] in {"up_to_date", "outdated"}
    module_two = api.get(f"/api/v1/modules/{catalogue.untranslated_module.pk}/").json()
    assert module_two["translations"]["es"] == {
        "id": None,
        "url": None,
        "status": "missing",
    }


def test_translations_map_hides_a_draft_translation(api, catalogue, locales):
    draft_es = catalogue.untranslated_module.copy_for_translation(locales["es"])
    assert not draft_es.live
    item = api.get(f"/api/v1/modules/{catalogue.untranslated_module.pk}/").json()
    assert item["translations"]["es"]["status"] == "missing"
    assert item["translations"]["es"]["id"] is None


def test_find_by_spanish_path(api, catalogue):
    response = api.get("/api/v1/pages/find/?path=/es/programas/aprendizaje-mutuo/uno/")
    assert response.status_code == 200
    assert response.json()["id"] == catalogue.module_es.pk
    assert response.json()["type"] == "catalogue.ModulePage"


@pytest.mark.parametrize(
    "path",
    [
        "/en/programmes/mutual-learning/draft/",
        "/en/programmes/mutual-learning/members/",
        "/en/programmes/mutual-learning/members/hidden/",
        "/xx/programmes/",
    ],
)
def test_find_never_returns_hidden_pages(api, catalogue, path):
    response = api.get(f"/api/v1/pages/find/?path={path}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_hidden_pages_absent_from_every_listing_and_detail(api, catalogue):
    for url in (
        "/api/v1/pages/?limit=100",
        "/api/v1/modules/?limit=100",
        "/api/v1/session-topics/?limit=100",
        f"/api/v1/pages/?parent={catalogue.programme.pk}",
    ):
        assert not HIDDEN & set(titles(api.get(url))), url
    for page in (catalogue.draft_module, catalogue.private_module):
        assert api.get(f"/api/v1/modules/{page.pk}/").status_code == 404
        assert api.get(f"/api/v1/pages/{page.pk}/breadcrumbs/").status_code == 404
    topic = catalogue.private_topic
    assert api.get(f"/api/v1/session-topics/{topic.pk}/").status_code == 404


def test_filters_search_and_ordering(api, catalogue):
    pk = catalogue.programme.pk
    assert titles(api.get(f"/api/v1/session-topics/?programme={pk}")) == ["Listening"]
    response = api.get(f"/api/v1/session-topics/?module={catalogue.module.pk}")
    assert titles(response) == ["Listening"]
    assert titles(api.get("/api/v1/modules/?search=two")) == ["Module two"]
    response = api.get("/api/v1/modules/?ordering=-module_number")
    assert titles(response) == ["Module two", "Module one"]
    response = api.get("/api/v1/pages/?type=catalogue.ProgrammePage")
    assert titles(response) == ["Mutual Learning"]


def test_breadcrumbs(api, catalogue):
    crumbs = api.get(f"/api/v1/pages/{catalogue.topic.pk}/breadcrumbs/").json()
    assert [c["title"] for c in crumbs] == [
        "Home",
        "Programmes",
        "Mutual Learning",
        "Module one",
        "Listening",
    ]
    assert crumbs[-1]["url"].endswith("/en/programmes/mutual-learning/one/listening/")


def test_detail_has_typed_blocks(api, catalogue):
    item = api.get(f"/api/v1/session-topics/{catalogue.topic.pk}/").json()
    assert item["body"], "the factory gives a body"
    for block in item["body"] + item["sub_topics"]:
        assert set(block) == {"type", "id", "value"}
    paragraph = item["body"][0]
    assert paragraph["type"] == "paragraph"
    # Rich text is display HTML: internal links expanded to absolute URLs.
    assert 'href="http://' in paragraph["value"]
    assert "/en/programmes/mutual-learning/one/" in paragraph["value"]
    assert "linktype" not in paragraph["value"]
    assert item["parent_id"] == catalogue.module.pk


def test_navigation_leaves_out_hidden_pages(api, catalogue, locales):
    from cms.navigation.models import MainMenu

    def item(page):
        return ("item", {"page": page, "url": "", "label": "", "children": []})

    MainMenu.objects.create(
        name="Main",
        locale=locales["en"],
        live=True,
        items=[
            item(catalogue.programme),
            item(catalogue.draft_module),
            item(catalogue.private_module),
            (
                "item",
                {
                    "page": None,
                    "url": "https://example.org",
                    "label": "Partner",
                    "children": [],
                },
            ),
        ],
    )
    data = api.get("/api/v1/navigation/?locale=en").json()
    assert [i["label"] for i in data["main_menu"]] == ["Mutual Learning", "Partner"]
    assert data["main_menu"][0]["page_id"] == catalogue.programme.pk
    assert api.get("/api/v1/navigation/?locale=es").json()["main_menu"] == []
