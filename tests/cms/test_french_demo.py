"""The demo in French: the site-level pages and snippets a French programme needs,
machine-marked; the English/Spanish programmes stay bilingual; translator-fr."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation

from cms.navigation.models import Footer, MainMenu
from cms.testimonials.models import Testimonial
from learning.catalogue.models import ProgrammeIndexPage, ProgrammePage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once per module, in a transaction rolled back after."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def french(demo):
    return Locale.objects.get(language_code="fr")


def test_the_home_page_and_programme_index_exist_in_french(french):
    home = Site.objects.get(is_default_site=True).root_page
    index = ProgrammeIndexPage.objects.get(locale__language_code="en")

    assert home.get_translation(french).title == "Accueil"
    assert index.get_translation(french).live
    assert Testimonial.objects.filter(locale=french, live=True).count() == 5
    assert MainMenu.objects.filter(locale=french, live=True).count() == 1
    assert Footer.objects.filter(locale=french, live=True).count() == 1


def test_the_demo_french_is_marked_as_machine_translation(french):
    types = set(
        StringTranslation.objects.filter(locale=french).values_list(
            "translation_type", flat=True
        )
    )

    assert types == {StringTranslation.TRANSLATION_TYPE_MACHINE}


def test_bilingual_programmes_have_no_french_pages(french):
    for programme in ProgrammePage.objects.filter(locale__language_code="en"):
        in_french = Page.objects.descendant_of(programme, inclusive=True).filter(
            translation_key__in=Page.objects.filter(locale=french).values(
                "translation_key"
            )
        )
        if "fr" in programme.languages:
            assert in_french.exists(), programme.title
        else:
            assert not in_french.exists(), programme.title


def test_the_french_home_shows_the_notice_and_three_languages(client, french):
    html = client.get("/fr/").content.decode()

    assert "Cette page a été traduite automatiquement." in html
    for code in ("en", "es", "fr"):
        assert f'lang="{code}" hreflang="{code}"' in html


def test_the_french_translator_account_is_in_the_french_group(demo):
    user = get_user_model().objects.get(email="translator-fr@example.org")

    assert list(user.groups.values_list("name", flat=True)) == ["Translators (fr)"]
    assert user.preferred_language == "fr"
