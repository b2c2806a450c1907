"""The French translator role: made by the same setup as the Spanish one, and a
French translator edits French pages and snippets only."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.testimonials.models import Testimonial
from cms.translations.services import translation_roles_setup
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def translate(page, locale):
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    return Page.objects.get(pk=copy.pk).specific


@pytest.fixture
def french(home_pages, locales):
    locale = Locale.objects.get_or_create(language_code="fr")[0]
    translate(home_pages["en"], locale)
    return locale


@pytest.fixture
def roles(french):
    return {team.locale.language_code: team for team in translation_roles_setup()}


@pytest.fixture
def translator_fr(roles):
    user = UserFactory(email="translator-fr@example.org", is_staff=True)
    user.groups.add(roles["fr"].translators)
    return user


@pytest.fixture
def about(home_pages, locales, french):
    page = StandardPageFactory(parent=home_pages["en"], title="About", slug="about")
    return {
        "en": page,
        "es": translate(page, locales["es"]),
        "fr": translate(page, french),
    }


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def refused(response) -> bool:
    if response.status_code == 403:
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and location.rstrip("/").endswith("/admin")


def test_the_setup_makes_french_groups_like_the_spanish_ones(roles):
    assert roles["fr"].translators.name == "Translators (fr)"
    assert roles["fr"].reviewers.name == "Reviewers (fr)"
    assert roles["fr"].workflow is not None
    assert {p.codename for p in roles["fr"].translators.permissions.all()} == {
        p.codename for p in roles["es"].translators.permissions.all()
    }


def test_a_french_translator_edits_a_french_page(client, translator_fr, about):
    client.force_login(translator_fr)

    assert edit(client, about["fr"]).status_code == 200


def test_a_french_translator_cannot_edit_a_spanish_or_english_page(
    client, translator_fr, about
):
    client.force_login(translator_fr)

    assert refused(edit(client, about["es"]))
    assert refused(edit(client, about["en"]))


def test_a_french_translator_edits_french_snippets_only(
    client, translator_fr, locales, french
):
    english = Testimonial.objects.create(
        quote="We learnt.", person_name="Ana", locale=locales["en"]
    )
    spanish = english.copy_for_translation(locales["es"])
    spanish.save()
    french_copy = english.copy_for_translation(french)
    french_copy.save()
    client.force_login(translator_fr)

    def edit_snippet(obj):
        url = reverse("wagtailsnippets_testimonials_testimonial:edit", args=[obj.pk])
        return client.get(url)

    assert edit_snippet(french_copy).status_code == 200
    assert refused(edit_snippet(spanish))
