"""French as a third language: the switcher, hreflang and API follow a programme's
languages, machine translations carry a notice, and the message check warns."""

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.pages.models import StandardPage
from tests.factories.catalogue import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
)

pytestmark = pytest.mark.django_db


def localize(instance, locale, *, machine=False, **strings):
    """Translate instance into locale through wagtail-localize and publish it;
    strings maps source text to its translation (the rest stays English)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    kind = "machine" if machine else "manual"
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = strings.get(segment.string.data, segment.string.data)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": kind},
        )
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return Page.objects.get(pk=target.pk).specific


@dataclass
class Site3:
    home: dict
    bilingual: dict  # a programme in en, es (with an unoffered fr translation)
    module: dict  # a module of that programme
    trilingual: dict  # a programme offered in en, es, fr
    about: dict  # outside programmes, in en and fr


def in_all(page, locales, languages=("es", "fr")):
    found = {"en": page}
    for code in languages:
        found[code] = localize(
            page, locales[code], **{page.title: f"{page.title} {code}"}
        )
    return found


@pytest.fixture
def site3(home_pages, locales):
    locales = {**locales, "fr": Locale.objects.get_or_create(language_code="fr")[0]}
    home = {**home_pages, "fr": localize(home_pages["en"], locales["fr"])}
    index = ProgrammeIndexPageFactory(
        parent=home_pages["en"], title="Programmes", slug="programmes"
    )
    in_all(index, locales)
    mlp = ProgrammePageFactory(parent=index, title="MLP", slug="mlp")
    bilingual = in_all(mlp, locales)
    module = in_all(ModulePageFactory(parent=mlp, title="One", slug="one"), locales)
    colab = ProgrammePageFactory(
        parent=index, title="CoLab", slug="colab", languages=["en", "es", "fr"]
    )
    about = home_pages["en"].add_child(
        instance=StandardPage(title="About", slug="about", locale=locales["en"])
    )
    about.save_revision().publish()
    return Site3(
        home=home,
        bilingual=bilingual,
        module=module,
        trilingual=in_all(colab, locales),
        about=in_all(about, locales, languages=("fr",)),
    )


def switcher(html):
    """{language code: href} of the rendered language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    links = re.findall(r'<a href="([^"]*)" lang="(\w+)"', nav.group(0))
    return {code: href for href, code in links}


def alternates(html):
    return set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="', html))


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# --- The switcher and hreflang -----------------------------------------------------


def test_a_bilingual_programme_offers_only_its_languages(client, site3):
    for page in (site3.bilingual["en"], site3.module["es"], site3.bilingual["fr"]):
        links = switcher(get(client, page))

        assert set(links) - {page.locale.language_code} == {"en", "es"} - {
            page.locale.language_code
        }
    links = switcher(get(client, site3.module["en"]))
    assert links == {"en": site3.module["en"].url, "es": site3.module["es"].url}


def test_a_trilingual_programme_offers_three_languages(client, site3):
    links = switcher(get(client, site3.trilingual["fr"]))

    assert links == {code: page.url for code, page in site3.trilingual.items()}


def test_a_page_outside_programmes_offers_its_translations_and_other_homes(
    client, site3
):
    links = switcher(get(client, site3.about["en"]))

    assert links == {
        "en": site3.about["en"].url,
        "es": site3.home["es"].url,  # no Spanish translation: the Spanish home
        "fr": site3.about["fr"].url,
    }


def test_hreflang_follows_the_programme_languages(client, site3):
    assert alternates(get(client, site3.module["en"])) == {"en", "es", "x-default"}
    assert alternates(get(client, site3.trilingual["en"])) == {
        "en",
        "es",
        "fr",
        "x-default",
    }


def test_the_sitemap_leaves_out_pages_not_offered_in_their_language(client, site3):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert site3.trilingual["fr"].full_url in sitemap
    assert site3.bilingual["es"].full_url in sitemap
    assert site3.bilingual["fr"].full_url not in sitemap
    assert site3.module["fr"].full_url not in sitemap


# --- The API -----------------------------------------------------------------------


def api_ids(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {item["id"] for item in response.json()["results"]}


def test_api_lists_in_french_only_pages_offered_in_french(client, site3):
    ids = api_ids(client, "/api/v1/pages/?locale=fr")

    assert site3.trilingual["fr"].pk in ids
    assert site3.about["fr"].pk in ids
    assert site3.bilingual["fr"].pk not in ids
    assert site3.module["fr"].pk not in ids
    assert site3.bilingual["es"].pk in api_ids(client, "/api/v1/pages/?locale=es")


def test_api_translations_list_only_the_languages_a_page_is_offered_in(client, site3):
    def translations(page):
        response = client.get(f"/api/v1/pages/{page.pk}/")
        return response.json()["translations"]

    assert set(translations(site3.module["en"])) == {"en", "es"}
    assert set(translations(site3.trilingual["en"])) == {"en", "es", "fr"}
    assert translations(site3.about["en"])["es"]["status"] == "missing"
    assert translations(site3.about["en"])["fr"]["id"] == site3.about["fr"].pk


def test_api_gives_a_programme_languages(client, site3):
    response = client.get(f"/api/v1/programmes/{site3.trilingual['en'].pk}/")

    assert response.json()["languages"] == ["en", "es", "fr"]


def test_api_hides_an_unoffered_translation_at_once_when_the_programme_changes(
    client, site3
):
    programme = site3.bilingual["en"]
    assert site3.bilingual["fr"].pk not in api_ids(client, "/api/v1/pages/?locale=fr")

    for page in site3.bilingual.values():
        page.languages = ["en", "es", "fr"]
        page.save_revision().publish()

    assert site3.bilingual["fr"].pk in api_ids(client, "/api/v1/pages/?locale=fr")
    assert programme.pk in api_ids(client, "/api/v1/pages/?locale=en")


# --- The machine translation notice ------------------------------------------------

NOTICE_FR = "Cette page a été traduite automatiquement."


@pytest.fixture
def machine_page(home_pages, locales):
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    localize(home_pages["en"], fr)
    page = home_pages["en"].add_child(
        instance=StandardPage(
            title="Our method", slug="method", introduction="We listen first."
        )
    )
    page.save_revision().publish()
    french = localize(
        page,
        fr,
        machine=True,
        **{"Our method": "Notre méthode", "We listen first.": "Nous écoutons."},
    )
    return page, french


def test_a_machine_translated_page_tells_readers_in_its_language(client, machine_page):
    source, french = machine_page

    html = get(client, french)

    assert NOTICE_FR in html
    assert "machine-translation-notice" not in get(client, source)


def test_correcting_the_machine_strings_removes_the_notice(client, machine_page):
    source, french = machine_page
    assert NOTICE_FR in get(client, french)

    # What the translation editor does when someone edits a string.
    StringTranslation.objects.filter(locale=french.locale).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    translation = Translation.objects.get(
        target_locale=french.locale, source__object_id=source.translation_key
    )
    translation.save_target(publish=False)
    Page.objects.get(pk=french.pk).get_latest_revision().publish()

    assert NOTICE_FR not in get(client, Page.objects.get(pk=french.pk))


def test_one_machine_string_left_keeps_the_notice(client, machine_page):
    _source, french = machine_page
    StringTranslation.objects.filter(locale=french.locale, data="Notre méthode").update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    cache.clear()

    assert NOTICE_FR in get(client, french)


# --- The demo's French -------------------------------------------------------------


def test_demo_texts_with_french_are_translated_into_french_as_machine(
    home_pages, locales
):
    from cms.demo.bilingual import T
    from cms.demo.builder import DemoBuilder
    from cms.demo.specs import SnippetSpec
    from cms.testimonials.models import Testimonial

    fr = Locale.objects.get_or_create(language_code="fr")[0]
    builder = DemoBuilder(
        english=locales["en"], spanish=locales["es"], log=print, others={"fr": fr}
    )
    spec = SnippetSpec(
        "t-fr",
        "testimonials.Testimonial",
        {"quote": T("We learnt.", "Aprendimos.", fr="Nous avons appris.")},
    )
    english = builder.snippet(spec)
    only_es = builder.snippet(
        SnippetSpec("t-es", "testimonials.Testimonial", {"quote": T("Hi", "Hola")})
    )

    french = Testimonial.objects.get(translation_key=english.translation_key, locale=fr)
    assert french.quote == "Nous avons appris."
    assert set(
        StringTranslation.objects.filter(locale=fr).values_list(
            "translation_type", flat=True
        )
    ) == {"machine"}
    assert set(
        StringTranslation.objects.filter(locale=locales["es"]).values_list(
            "translation_type", flat=True
        )
    ) == {"manual"}
    assert not only_es.has_translation(fr)


def test_an_object_is_french_only_when_all_its_texts_are():
    from cms.demo.bilingual import T, languages_of, same, texts_without

    assert languages_of([T("a", "b"), same("Zoom")]) == ("es",)
    assert languages_of([T("a", "b", fr="c"), same("Zoom")]) == ("es", "fr")
    assert languages_of([T("a", "b", fr="c"), T("Hi", "Hola")]) == ("es",)
    assert texts_without([T("a", "b", fr="c"), T("Hi", "Hola")], "fr") == ["Hi"]


def test_a_page_of_a_french_programme_without_french_fails_loudly(home_pages, locales):
    from cms.demo.bilingual import T
    from cms.demo.builder import DemoBuilder
    from cms.demo.specs import PageSpec
    from cms.demo.translation import MissingTranslationError

    fr = Locale.objects.get_or_create(language_code="fr")[0]
    localize(home_pages["en"], fr)
    index = ProgrammeIndexPageFactory(parent=home_pages["en"])
    in_all(index, {**locales, "fr": fr})
    programme = ProgrammePageFactory(parent=index, languages=["en", "es", "fr"])
    in_all(programme, {**locales, "fr": fr})
    builder = DemoBuilder(
        english=locales["en"], spanish=locales["es"], log=print, others={"fr": fr}
    )
    spec = PageSpec(
        "only-es",
        "pages.StandardPage",
        {"title": T("Session", "Sesión"), "slug": T("s", "s", fr="s")},
    )

    with pytest.raises(MissingTranslationError, match="'Session'"):
        builder.page(programme, spec)


# --- make lint: untranslated French is a warning ----------------------------------


def check_messages():
    path = Path(__file__).resolve().parents[2] / "scripts" / "check_messages.py"
    spec = importlib.util.spec_from_file_location("check_messages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def po_with(*entries):
    po = polib.POFile()
    for msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags))
    return po


def test_untranslated_spanish_fails_and_french_is_listed_as_a_warning():
    module = check_messages()
    po = po_with(("Hello", "", []), ("Bye", "Adieu", ["fuzzy"]), ("Yes", "Oui", []))

    es_problems, es_warnings = module.review("es.po", "es", po, po)
    fr_problems, fr_warnings = module.review("fr.po", "fr", po, po)

    assert es_problems == ["es.po: empty: 'Hello'", "es.po: fuzzy: 'Bye'"]
    assert es_warnings == []
    assert fr_problems == []
    assert fr_warnings == [
        "fr.po: 2 untranslated (shown in English):\n  empty: 'Hello'\n  fuzzy: 'Bye'"
    ]


def test_the_french_warning_lists_the_first_msgids_and_counts_the_rest():
    module = check_messages()
    po = po_with(*((f"Message {n}", "", []) for n in range(13)))

    _problems, (warning,) = module.review("fr.po", "fr", po, po)

    assert warning.startswith("fr.po: 13 untranslated")
    assert "Message 9" in warning
    assert "Message 10" not in warning
    assert warning.endswith("... and 3 more")


def test_a_stale_french_file_still_fails():
    module = check_messages()
    committed = po_with(("Old", "Vieux", []))
    fresh = po_with(("New", "", []))

    problems, _warnings = module.review("fr.po", "fr", committed, fresh)

    assert "fr.po: not extracted yet: 'New'" in problems
    assert "fr.po: no longer in the code: 'Old'" in problems


def test_an_empty_or_fuzzy_french_msgstr_falls_back_to_english(tmp_path):
    po = po_with(("Hello", "", []), ("Bye", "Adieu", ["fuzzy"]), ("Yes", "Oui", []))
    po.save_as_mofile(str(tmp_path / "django.mo"))

    catalogue = polib.mofile(str(tmp_path / "django.mo"))

    assert {entry.msgid for entry in catalogue} == {"Yes"}
