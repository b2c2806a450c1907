"""Fixtures shared by the whole suite: locales and a bilingual site root."""

import pytest
from wagtail.models import Locale, Page, Site

from cms.home.models import HomePage


@pytest.fixture
def locales(db):
    """The content languages as Wagtail locales: {"en": Locale, "es": Locale}."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "es")
    }


@pytest.fixture
def home_pages(locales):
    """A live English home page as the default site's root, and its Spanish copy."""
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a welcome page; the site's real root replaces it.
    Page.objects.filter(depth=2).exclude(locale__language_code="es").delete()
    root.refresh_from_db()
    en_home = root.add_child(
        instance=HomePage(title="Home", slug="home", locale=locales["en"])
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": en_home},
    )
    es_home = en_home.copy_for_translation(locales["es"])
    es_home.title = "Inicio"
    es_home.save_revision().publish()
    es_home.refresh_from_db()
    return {"en": en_home, "es": es_home}
