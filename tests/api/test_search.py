"""`?search=` is the site's search: the same backend and indexed fields (body
text too), accents ignored both ways, within the list's language and order."""

import pytest
from wagtail.rich_text import RichText

from cms.pages.models import StandardPage
from tests.factories.snippets import TestimonialFactory

pytestmark = [pytest.mark.django_db, pytest.mark.indexing]


@pytest.fixture
def dialogue_pages(home_pages, locales):
    """Spanish pages saying "dialogue" in their body only, with and without its
    accent, and an English page that does not say it."""

    def page(parent, title, slug, text):
        body = [("paragraph", RichText(f"<p>{text}</p>"))]
        return parent.add_child(
            instance=StandardPage(
                title=title, slug=slug, locale=parent.locale, body=body
            )
        )

    home_pages["en"].add_child(
        instance=StandardPage(title="Elsewhere", slug="elsewhere", introduction="x")
    )
    return [
        page(home_pages["es"], "Con acento", "con", "Un diálogo entre pares."),
        page(home_pages["es"], "Sin acento", "sin", "Un dialogo entre pares."),
    ]


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.parametrize("query", ["dialogo", "diálogo", "DIÁLOGO"])
@pytest.mark.parametrize("url", ["/api/v1/pages/", "/api/v1/standard-pages/"])
def test_search_finds_body_text_with_or_without_accents(
    api, dialogue_pages, url, query
):
    response = api.get(url, {"search": query, "locale": "es", "ordering": "title"})

    assert titles(response) == ["Con acento", "Sin acento"]


def test_search_stays_in_the_asked_language_and_order(api, dialogue_pages):
    english = api.get("/api/v1/pages/", {"search": "dialogo"})
    reversed_order = api.get(
        "/api/v1/pages/", {"search": "dialogo", "locale": "es", "ordering": "-title"}
    )

    assert titles(english) == []
    assert titles(reversed_order) == ["Sin acento", "Con acento"]


def test_testimonial_search_ignores_accents(api, locales):
    TestimonialFactory(organisation="Asociación Ñandú", locale=locales["en"])
    TestimonialFactory(organisation="Other", locale=locales["en"])

    response = api.get("/api/v1/testimonials/", {"search": "asociacion nandu"})

    assert [item["organisation"] for item in response.json()["results"]] == [
        "Asociación Ñandú"
    ]
