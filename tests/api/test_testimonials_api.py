"""Testimonials through /api/v1/testimonials/: live ones only, per language,
with the translations map and the explicit fallback."""

import pytest

from tests.factories.snippets import TestimonialFactory as make_testimonial


def _translate(item, locale, **fields):
    translation = item.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.live = False
    translation.save()
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def testimonials(locales):
    said = make_testimonial(quote="It changed how we work.", person_name="Ana")
    dicho = _translate(said, locales["es"], quote="Cambió cómo trabajamos.")
    english_only = make_testimonial(quote="Peers taught me most.")
    draft = make_testimonial(quote="Not yet published.", live=False)
    return {"said": said, "dicho": dicho, "english": english_only, "draft": draft}


def _quotes(response):
    return [item["quote"] for item in response.json()["results"]]


def test_list_shows_live_testimonials_in_the_asked_language(api, testimonials):
    english = api.get("/api/v1/testimonials/", {"locale": "en"})
    spanish = api.get("/api/v1/testimonials/", HTTP_ACCEPT_LANGUAGE="es")

    assert english.status_code == 200
    assert sorted(_quotes(english)) == [
        "It changed how we work.",
        "Peers taught me most.",
    ]
    assert _quotes(spanish) == ["Cambió cómo trabajamos."]
    assert "Not yet published." not in str(english.json())


def test_each_item_maps_its_translations(api, testimonials):
    response = api.get(f"/api/v1/testimonials/{testimonials['said'].pk}/")

    translations = response.json()["translations"]
    assert translations["es"]["id"] == testimonials["dicho"].pk
    assert translations["es"]["status"] == "up_to_date"
    assert translations["es"]["url"] is None
    english_only = api.get(f"/api/v1/testimonials/{testimonials['english'].pk}/")
    assert english_only.json()["translations"]["es"] == {
        "id": None,
        "url": None,
        "status": "missing",
    }


def test_fallback_fills_missing_spanish_with_english_marked(api, testimonials):
    response = api.get("/api/v1/testimonials/", {"locale": "es", "fallback": "en"})

    by_quote = {item["quote"]: item for item in response.json()["results"]}
    assert set(by_quote) == {"Cambió cómo trabajamos.", "Peers taught me most."}
    assert by_quote["Peers taught me most."]["fallback"] is True
    assert by_quote["Cambió cómo trabajamos."]["fallback"] is False


def test_detail_in_another_language_and_missing_translation(api, testimonials):
    said = testimonials["said"].pk
    spanish = api.get(f"/api/v1/testimonials/{said}/", {"locale": "es"})
    missing = api.get(
        f"/api/v1/testimonials/{testimonials['english'].pk}/", {"locale": "es"}
    )

    assert spanish.json()["quote"] == "Cambió cómo trabajamos."
    assert missing.status_code == 404
    assert missing.json()["code"] == "translation_missing"


def test_a_draft_is_not_found(api, testimonials):
    response = api.get(f"/api/v1/testimonials/{testimonials['draft'].pk}/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_publishing_a_testimonial_shows_it_at_once(api, testimonials):
    first = api.get("/api/v1/testimonials/", {"locale": "en"})
    draft = testimonials["draft"]
    draft.save_revision().publish()
    second = api.get("/api/v1/testimonials/", {"locale": "en"})

    assert "Not yet published." not in _quotes(first)
    assert "Not yet published." in _quotes(second)
