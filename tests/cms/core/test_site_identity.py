"""The organisation's name per language (SiteIdentity): translated through
wagtail-localize like the menus, shown in the reader's language with the
default language's as fallback, in pages, emails and the API."""

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.core.models import SiteIdentity
from cms.core.selectors import organisation_name
from cms.demo.site import adopt_site_identity
from cms.demo.specs import demo_translation_key
from cms.demo.tree import SITE_IDENTITY_KEY
from cms.translations.enums import TranslationStatus
from cms.translations.selectors import (
    translatable_kinds,
    translation_source_objects,
    translation_status_matrix,
)
from cms.translations.services import locale_team_setup
from learning.infosessions.services import infosession_register
from tests.factories import SiteIdentityFactory, SuperUserFactory, UserFactory
from tests.factories.learning import InfoSessionFactory

pytestmark = pytest.mark.django_db

ENGLISH = "Mutual Learning Program"
SPANISH = "Programa de Aprendizaje Mutuo"


def localize(source: SiteIdentity, locale, name: str) -> SiteIdentity:
    """Translate the name through wagtail-localize and publish the translation."""
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation = Translation.objects.create(
        source=translation_source, target_locale=locale
    )
    segment = StringSegment.objects.select_related("string").get(
        source=translation_source
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        data=name,
        translation_type="manual",
    )
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return SiteIdentity.objects.get(pk=target.pk)


@pytest.fixture
def identity(locales):
    """The English name and its Spanish translation, both live."""
    english = SiteIdentityFactory(organisation_name=ENGLISH, locale=locales["en"])
    return {"en": english, "es": localize(english, locales["es"], SPANISH)}


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- Selector ----------------------------------------------------------------------


def test_wagtail_localize_translates_the_name(identity, locales):
    spanish = identity["es"]

    assert spanish.organisation_name == SPANISH
    assert spanish.translation_key == identity["en"].translation_key
    assert spanish.live is True


def test_the_name_is_read_in_the_asked_language(identity):
    assert organisation_name(language="es") == SPANISH
    assert organisation_name(language="en") == ENGLISH


def test_an_untranslated_language_falls_back_to_the_default_one(locales):
    SiteIdentityFactory(organisation_name=ENGLISH, locale=locales["en"])

    assert organisation_name(language="es") == ENGLISH
    assert organisation_name(language="fr") == ENGLISH


def test_a_draft_translation_is_not_shown(identity):
    identity["es"].unpublish()

    assert organisation_name(language="es") == ENGLISH


@override_settings(WAGTAIL_SITE_NAME="Red de Aprendizaje")
def test_without_any_name_the_site_name_setting_is_used(locales):
    assert organisation_name(language="es") == "Red de Aprendizaje"


# --- Pages -------------------------------------------------------------------------


def test_a_spanish_page_shows_the_spanish_name(client, home_pages, identity):
    html = html_of(client, home_pages["es"].url)

    assert f'<span class="brand__name">{SPANISH}</span>' in html
    assert f'<p class="site-footer__brand">{SPANISH}</p>' in html
    assert f"· {SPANISH}</title>" in html
    assert f'<meta property="og:site_name" content="{SPANISH}">' in html
    assert ENGLISH not in html


def test_an_english_page_keeps_the_english_name(client, home_pages, identity):
    html = html_of(client, home_pages["en"].url)

    assert f'<span class="brand__name">{ENGLISH}</span>' in html
    assert SPANISH not in html


def test_a_spanish_page_falls_back_to_the_english_name(client, home_pages, locales):
    SiteIdentityFactory(organisation_name=ENGLISH, locale=locales["en"])

    html = html_of(client, home_pages["es"].url)

    assert f'<span class="brand__name">{ENGLISH}</span>' in html


def test_a_renamed_organisation_shows_at_once(client, home_pages, identity):
    """Pages are cached by content generation: a published rename must bump it."""
    html_of(client, home_pages["es"].url)
    renamed = identity["es"]
    renamed.organisation_name = "Red de Aprendizaje Mutuo"
    renamed.save_revision().publish()

    assert "Red de Aprendizaje Mutuo" in html_of(client, home_pages["es"].url)


# --- Emails ------------------------------------------------------------------------


def test_a_spanish_email_is_signed_with_the_spanish_name(
    identity, django_capture_on_commit_callbacks
):
    session = InfoSessionFactory()

    with django_capture_on_commit_callbacks(execute=True):
        infosession_register(
            session=session,
            name="Ana Pérez",
            email="ana@example.org",
            organisation="Fundación Ñandú",
            country="Paraguay",
            language="es",
            consent=True,
        )

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert SPANISH in message.body
    assert SPANISH in html
    assert ENGLISH not in message.body + html


def test_the_spanish_sign_off_names_the_organisation(
    identity, django_capture_on_commit_callbacks
):
    """Passes once the Spanish catalogue has "The %(organisation_name)s team"."""
    with django_capture_on_commit_callbacks(execute=True):
        infosession_register(
            session=InfoSessionFactory(),
            name="Ana Pérez",
            email="ana@example.org",
            organisation="Fundación Ñandú",
            country="Paraguay",
            language="es",
            consent=True,
        )

    (message,) = mail.outbox
    assert f"El equipo de {SPANISH}" in message.body


def test_an_english_email_is_signed_with_the_english_name(
    identity, django_capture_on_commit_callbacks
):
    session = InfoSessionFactory(language="en")

    with django_capture_on_commit_callbacks(execute=True):
        infosession_register(
            session=session,
            name="Ann Smith",
            email="ann@example.org",
            organisation="Open Doors",
            country="Ireland",
            language="en",
            consent=True,
        )

    (message,) = mail.outbox
    assert f"The {ENGLISH} team" in message.body
    assert SPANISH not in message.body


def test_a_password_reset_email_in_spanish_names_the_organisation_in_spanish(
    client, home_pages, identity, django_capture_on_commit_callbacks
):
    user = UserFactory(email="luz@example.org", preferred_language="es")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset", args=()), {"email": user.email})

    (message,) = mail.outbox
    assert SPANISH in message.subject
    assert SPANISH in message.body


# --- Translators' matrix and the API -----------------------------------------------


def test_the_translators_matrix_lists_the_name(identity, locales):
    sources = [
        obj for obj in translation_source_objects() if isinstance(obj, SiteIdentity)
    ]
    (row,) = translation_status_matrix(objects=sources, locales=[locales["es"]])

    assert row.object == identity["en"]
    assert row.cells["es"].status == TranslationStatus.UP_TO_DATE
    assert "core.siteidentity" in dict(translatable_kinds())


def test_the_matrix_shows_an_untranslated_name_as_missing(locales):
    english = SiteIdentityFactory(organisation_name=ENGLISH, locale=locales["en"])

    (row,) = translation_status_matrix(objects=[english], locales=[locales["es"]])

    assert row.cells["es"].status == TranslationStatus.MISSING


def test_the_api_navigation_carries_the_name_in_its_language(identity):
    api = APIClient()

    spanish = api.get("/api/v1/navigation/?locale=es").json()
    english = api.get("/api/v1/navigation/?locale=en").json()

    assert spanish["organisation_name"] == SPANISH
    assert english["organisation_name"] == ENGLISH


# --- The move from SiteSettings, and the demo ---------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_the_settings_name_into_the_default_language(locales):
    before = [("core", "0002_search_unaccented")]
    after = [("core", "0003_site_identity")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    site = old_apps.get_model("wagtailcore", "Site").objects.create(
        hostname="example.org", root_page_id=1, is_default_site=True
    )
    old_apps.get_model("core", "SiteSettings").objects.create(
        site=site, organisation_name="Casa Abierta"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    try:
        (identity,) = SiteIdentity.objects.all()
        assert identity.organisation_name == "Casa Abierta"
        assert identity.locale.language_code == "en"
        assert identity.live is True
        assert organisation_name(language="es") == "Casa Abierta"
    finally:
        # Back to every app's latest migration: later migrations of core (and
        # of apps that depend on it) were unapplied by the step back.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_demo_adopts_a_migrated_name_rather_than_adding_one(locales):
    migrated = SiteIdentityFactory(organisation_name=ENGLISH, locale=locales["en"])

    adopt_site_identity(locales["en"])

    migrated.refresh_from_db()
    assert migrated.translation_key == demo_translation_key(SITE_IDENTITY_KEY)


# --- The admin ---------------------------------------------------------------------

EDIT = "wagtailsnippets_core_siteidentity:edit"


@pytest.fixture
def spanish_translator(home_pages, locales):
    team = locale_team_setup(locale=locales["es"])
    user = UserFactory(email="traductora@example.org", preferred_language="es")
    user.is_staff = True
    user.save()
    user.groups.add(team.translators)
    return user


def test_a_spanish_translator_edits_the_spanish_name_only(
    client, identity, spanish_translator
):
    client.force_login(spanish_translator)
    form = {"organisation_name": "Cambiado"}

    spanish = client.get(reverse(EDIT, args=[identity["es"].pk]))
    english = client.post(reverse(EDIT, args=[identity["en"].pk]), form)

    assert spanish.status_code == 200
    assert english.status_code in (302, 403)
    identity["en"].refresh_from_db()
    assert identity["en"].organisation_name == ENGLISH
    assert identity["en"].latest_revision is None


def test_the_name_is_edited_from_the_settings_menu(client, identity):
    client.force_login(SuperUserFactory())

    listing = client.get(reverse("wagtailsnippets_core_siteidentity:list"))
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert listing.status_code == 200
    assert ENGLISH in listing.content.decode()
    assert reverse("wagtailsnippets_core_siteidentity:list") in (
        dashboard.content.decode()
    )


def test_the_site_settings_point_to_the_translatable_name(client, home_pages):
    client.force_login(SuperUserFactory())

    url = reverse("wagtailsettings:edit", args=["core", "sitesettings"])
    response = client.get(url, follow=True)

    assert response.status_code == 200
    assert "Settings → Organisation name" in response.content.decode()
    assert 'name="organisation_name"' not in response.content.decode()
