"""A bilingual page and snippet, translated through wagtail-localize, and the roles."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from cms.pages.models import StandardPage
from cms.testimonials.models import Testimonial
from cms.translations.services import locale_team_setup
from tests.factories import SuperUserFactory, UserFactory


def localize(instance, locale, **strings):
    """Translate instance into locale through wagtail-localize and publish it.

    `strings` maps source text to its translation; untranslated text stays English.
    """
    from wagtail_localize.models import StringSegment, StringTranslation

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return type(target)._default_manager.get(pk=target.pk), translation


@dataclass
class Bilingual:
    page: dict
    snippet: dict
    translations: dict


@pytest.fixture
def team(home_pages, locales):
    return locale_team_setup(locale=locales["es"])


@pytest.fixture
def bilingual(home_pages, locales, team):
    en_page = home_pages["en"].add_child(
        instance=StandardPage(
            title="About us",
            slug="about",
            introduction="Who we are.",
            locale=locales["en"],
        )
    )
    en_page.save_revision().publish()
    es_page, page_translation = localize(
        en_page,
        locales["es"],
        **{
            "About us": "Quiénes somos",
            "about": "quienes-somos",
            "Who we are.": "Quiénes somos.",
        },
    )
    en_snippet = Testimonial.objects.create(
        quote="We learnt a lot.", person_name="Ana", locale=locales["en"]
    )
    en_snippet.save_revision().publish()
    es_snippet, snippet_translation = localize(
        en_snippet, locales["es"], **{"We learnt a lot.": "Aprendimos mucho."}
    )
    return Bilingual(
        page={"en": Page.objects.get(pk=en_page.pk).specific, "es": es_page.specific},
        snippet={"en": en_snippet, "es": es_snippet},
        translations={"page": page_translation, "snippet": snippet_translation},
    )


@pytest.fixture
def translator(team):
    user = UserFactory(email="translator-es@example.org", preferred_language="es")
    user.is_staff = True
    user.save()
    user.groups.add(team.translators)
    return user


@pytest.fixture
def editor(team):
    """An English editor (all snippet permissions) who also reviews Spanish."""
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["testimonials", "navigation"]
        )
    )
    user = UserFactory(email="editor@example.org")
    user.is_staff = True
    user.save()
    user.groups.add(editors, team.reviewers)
    return user


@pytest.fixture
def admin(db):
    return SuperUserFactory()


@pytest.fixture
def role_user(request, translator, editor, admin):
    return {"translator": translator, "editor": editor, "admin": admin}[request.param]
