"""A translator starts translating a page or snippet missing in their language."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from cms.translations.selectors import translation_status_matrix
from cms.translations.services import translation_roles_setup, translation_start
from cms.translations.views import attach_start_urls
from tests import factories
from tests.factories import StandardPageFactory, UserFactory


@pytest.fixture
def roles(home_pages, locales):
    return {team.locale.language_code: team for team in translation_roles_setup()}


def staff(email, *groups):
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(*groups)
    return user


@pytest.fixture
def translator(roles):
    return staff("translator-es@example.org", roles["es"].translators)


@pytest.fixture
def reviewer(roles):
    """A Spanish reviewer who is also an editor, but no translator."""
    return staff(
        "editor@example.org", Group.objects.get(name="Editors"), roles["es"].reviewers
    )


@pytest.fixture
def page(home_pages):
    """A live English page with no Spanish version."""
    return StandardPageFactory(
        parent=home_pages["en"], title="Our method", slug="method"
    )


@pytest.fixture
def snippet(locales):
    return factories.TestimonialFactory(
        locale=locales["en"], quote="It changed how we work."
    )


def start_url(obj, code="es"):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("translations_start", args=[content_type.pk, obj.pk, code])


def error_code(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.code


def test_a_translator_starts_a_missing_spanish_page_as_a_draft(
    client, page, translator, locales, home_pages, django_capture_on_commit_callbacks
):
    client.force_login(translator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(page))

    spanish = page.get_translation(locales["es"])
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert not spanish.live
    assert spanish.get_parent().pk == home_pages["es"].pk
    assert Translation.objects.get(target_locale=locales["es"]).enabled
    # The page edit view is wagtail-localize's translation editor.
    editor = client.get(response.url)
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [
        template.name for template in editor.templates
    ]
    # Visitors do not see the draft.
    assert client.get(spanish.url).status_code == 404
    (row,) = translation_status_matrix(objects=[page], locales=[locales["es"]])
    assert row.cells["es"].status == "outdated"  # strings to translate


def test_a_translator_starts_a_missing_spanish_snippet(
    client, snippet, translator, locales, django_capture_on_commit_callbacks
):
    client.force_login(translator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(snippet))

    spanish = snippet.get_translation(locales["es"])
    assert not spanish.live
    edit = reverse("wagtailsnippets_testimonials_testimonial:edit", args=[spanish.pk])
    assert response.url == edit
    assert client.get(edit).status_code == 200


def test_a_page_whose_parent_is_not_in_spanish_is_refused(
    client, page, translator, locales
):
    child = StandardPageFactory(parent=page, title="Step one")
    client.force_login(translator)

    response = client.post(start_url(child), {"next": reverse("translations_report")})

    assert response.url == reverse("translations_report")
    assert child.get_translation_or_none(locales["es"]) is None
    (message,) = get_messages(response.wsgi_request)
    assert "Our method" in str(message)
    assert (
        error_code(
            lambda: translation_start(
                source=child, locale=locales["es"], user=translator
            )
        )
        == "parent_not_translated"
    )


def test_users_without_translator_rights_get_403(client, page, reviewer, locales):
    client.force_login(reviewer)

    response = client.post(start_url(page))

    assert response.status_code == 403
    assert page.get_translation_or_none(locales["es"]) is None


def test_superusers_too_use_wagtail_localize_instead(page, superuser, locales):
    with pytest.raises(PermissionDenied):
        translation_start(source=page, locale=locales["es"], user=superuser)


def test_a_translator_cannot_start_another_language(client, page, translator):
    french = Locale.objects.create(language_code="fr")
    client.force_login(translator)

    response = client.post(start_url(page, "fr"))

    assert response.status_code == 302
    assert page.get_translation_or_none(french) is None
    assert (
        error_code(
            lambda: translation_start(source=page, locale=french, user=translator)
        )
        == "not_your_locale"
    )


def test_an_existing_translation_is_not_started_again(
    client, page, translator, locales
):
    client.force_login(translator)
    client.post(start_url(page))

    assert (
        error_code(
            lambda: translation_start(
                source=page, locale=locales["es"], user=translator
            )
        )
        == "already_translated"
    )
    assert Page.objects.filter(translation_key=page.translation_key).count() == 2


def test_get_is_not_allowed(client, page, translator, locales):
    client.force_login(translator)

    assert client.get(start_url(page)).status_code == 405
    assert page.get_translation_or_none(locales["es"]) is None


def test_the_panel_offers_start_only_to_translators(
    client, page, snippet, translator, reviewer
):
    blocked = StandardPageFactory(parent=page, title="Step one")
    client.force_login(translator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert start_url(page) in html
    assert start_url(snippet) in html
    assert start_url(blocked) not in html  # its parent is not in Spanish yet
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-translations-panel" in html
    assert "data-translations-start" not in html


def test_the_report_offers_start_only_to_translators(
    client, page, snippet, translator, reviewer, superuser
):
    client.force_login(translator)

    html = client.get(reverse("translations_report")).content.decode()

    assert start_url(page) in html
    assert start_url(snippet) in html
    for user in (reviewer, superuser):
        client.force_login(user)
        html = client.get(reverse("translations_report")).content.decode()
        assert "data-translations-report" in html
        assert "data-translations-start" not in html


def test_start_buttons_cost_the_same_queries_for_5_and_25_rows(
    home_pages, locales, translator, django_assert_max_num_queries
):
    def rows(count):
        pages = [StandardPageFactory(parent=home_pages["en"]) for _ in range(count)]
        parent = pages[0]
        pages += [StandardPageFactory(parent=parent) for _ in range(count)]
        snippets = [
            factories.TestimonialFactory(locale=locales["en"]) for _ in range(count)
        ]
        return translation_status_matrix(
            objects=pages + snippets, locales=[locales["es"]]
        )

    small, large = rows(5), rows(25)
    translator = type(translator).objects.get(pk=translator.pk)
    with django_assert_max_num_queries(10) as queries:
        attach_start_urls(rows=small, user=translator)
    translator = type(translator).objects.get(pk=translator.pk)
    with django_assert_max_num_queries(len(queries.captured_queries)):
        attach_start_urls(rows=large, user=translator)
    # The top pages and the snippets; not the children of an untranslated page.
    assert sum(bool(row.start_urls) for row in large) == 25 + 25
