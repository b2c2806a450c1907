"""load_demo builds the bilingual demo site (French where a programme offers it),
and a second run changes nothing."""

import io
from dataclasses import dataclass

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Revision, Site
from wagtail.permissions import policy_registry
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.models import SiteIdentity, SiteSettings
from cms.core.selectors import organisation_name
from cms.demo.accounts import ACCOUNTS
from cms.demo.bilingual import RichText, T, spanish_strings
from cms.demo.learning import PAST_SLUG
from cms.demo.load import DemoLoader
from cms.demo.seminar_run import SLUG as SEMINAR_RUN_SLUG
from cms.demo.surveys import ensure_surveys
from cms.demo.translation import MissingSpanishError, translate_object
from cms.home.models import HomePage
from cms.navigation.models import Footer, MainMenu
from cms.pages.models import ContactPage, StandardPage
from cms.publications.models import PublicationPage, Topic
from cms.testimonials import models as testimonials
from cms.videos.models import VideoPage
from learning.catalogue.models import (
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    SessionTopicPage,
)
from learning.editions.models import Edition
from learning.editions.selectors import edition_schedule_by_day
from learning.mel.enums import SurveyKind
from learning.mel.models import Survey, SurveyResponse

pytestmark = [pytest.mark.django_db, pytest.mark.indexing]

COUNTED = (
    Page,
    Revision,
    testimonials.Testimonial,
    Topic,
    MainMenu,
    Footer,
    Document,
    Image,
    Collection,
    Site,
    Locale,
    Group,
    TranslationSource,
    Translation,
    StringTranslation,
)


def object_counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["User"] = get_user_model().objects.count()
    return counts


@dataclass
class Demo:
    first_output: str
    second_output: str
    first_counts: dict
    second_counts: dict


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded twice, once per test module, in a transaction rolled back after.

    Each test runs in a savepoint of that transaction, so what a test changes is
    undone before the next one.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            runs = []
            for _run in range(2):
                output = io.StringIO()
                call_command("load_demo", stdout=output)
                runs.append((output.getvalue(), object_counts()))
            yield Demo(runs[0][0], runs[1][0], runs[0][1], runs[1][1])
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches the site root paths


@pytest.fixture
def english(demo):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def spanish(demo):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def english_home(english):
    return Site.objects.get(is_default_site=True).root_page.specific


def test_the_default_site_has_an_english_home_page_as_root(english_home, english):
    assert isinstance(english_home, HomePage)
    assert english_home.locale == english
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail")


def test_a_second_run_duplicates_nothing(demo):
    assert demo.second_counts == demo.first_counts
    # The tree root, then 53 pages in English and 53 in Spanish; the CoLab's
    # programme, call and two sessions in English, Spanish and French, and the
    # French home and programme index above them.
    assert demo.first_counts["Page"] == 1 + 2 * 53 + 3 * 4 + 2


def test_a_second_run_reports_every_step_up_to_date(demo):
    total = len(DemoLoader(password="x", log=print).steps())
    marker = f"/{total}]"
    step_lines = [line for line in demo.second_output.splitlines() if marker in line]
    assert len(step_lines) == total
    assert all("up to date" in line for line in step_lines)


def test_every_demo_page_has_a_live_linked_spanish_translation(english_home, spanish):
    pages = Page.objects.descendant_of(english_home, inclusive=True).specific()
    assert len(pages) > 45
    for page in pages:
        translation = page.get_translation_or_none(spanish)
        assert translation is not None, page.url
        assert translation.live, translation.url
        assert translation.translation_key == page.translation_key
        source = TranslationSource.objects.get_for_instance(page)
        record = Translation.objects.get(source=source, target_locale=spanish)
        total, translated = record.get_progress()
        assert total == translated > 0, page.url


def test_spanish_pages_have_spanish_slugs(english_home, spanish):
    mlp = ProgrammePage.objects.get(
        locale=spanish, slug="programa-de-aprendizaje-mutuo"
    )

    assert mlp.url == "/es/programas/programa-de-aprendizaje-mutuo/"
    assert mlp.title == "Programa de Aprendizaje Mutuo"


def test_the_mutual_learning_program_has_four_modules_of_6_3_3_3(english, spanish):
    for locale in (english, spanish):
        mlp = ProgrammePage.objects.get(
            locale=locale,
            translation_key=ProgrammePage.objects.get(
                locale=english, slug="mutual-learning-program"
            ).translation_key,
        )
        modules = list(ModulePage.objects.child_of(mlp).order_by("module_number"))

        assert [m.module_number for m in modules] == [1, 2, 3, 4]
        assert [m.number_of_sessions for m in modules] == [6, 3, 3, 3]
        assert [SessionTopicPage.objects.child_of(m).count() for m in modules] == [
            6,
            3,
            3,
            3,
        ]
        assert [m.is_required_first for m in modules] == [True, False, False, False]
        assert mlp.languages == ["en", "es"]
        assert mlp.time_zone == "Europe/London"
        assert mlp.certificate_attendance_threshold == 75


def test_session_topics_link_materials_and_ask_forum_questions(spanish):
    for topic in SessionTopicPage.objects.filter(locale=spanish):
        kinds = [block.block_type for block in topic.materials]
        assert "presentation" in kinds, topic.url
        assert 2 <= len(topic.forum_questions) <= 3, topic.url
        assert topic.summary and topic.sub_topics
        for block in topic.materials:
            if block.block_type == "page":
                # The Spanish topic links to the Spanish publication or video.
                assert block.value["page"].locale == spanish


def test_the_seminar_has_six_modules_of_one_session_topic(english):
    seminar = ProgrammePage.objects.get(locale=english, programme_format="seminar")
    modules = ModulePage.objects.child_of(seminar)

    assert modules.count() == 6
    assert all(SessionTopicPage.objects.child_of(m).count() == 1 for m in modules)


@pytest.mark.parametrize("code", ["en", "es"])
def test_five_live_testimonials_and_navigation_in_each_language(demo, code):
    locale = Locale.objects.get(language_code=code)

    assert (
        testimonials.Testimonial.objects.filter(locale=locale, live=True).count() == 5
    )
    assert MainMenu.objects.filter(locale=locale, live=True).count() == 1
    assert Footer.objects.filter(locale=locale, live=True).count() == 1
    assert Topic.objects.filter(locale=locale).count() == 6


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "Mutual Learning Program"),
        ("es", "Programa de Aprendizaje Mutuo"),
        ("fr", "Programme d’apprentissage mutuel"),  # noqa: RUF001
    ],
)
def test_the_organisation_name_is_translated(demo, code, name):
    locale = Locale.objects.get(language_code=code)

    (identity,) = SiteIdentity.objects.filter(locale=locale, live=True)
    assert identity.organisation_name == name
    assert organisation_name(language=code) == name


def test_the_spanish_menu_links_to_spanish_pages(spanish):
    menu = MainMenu.objects.get(locale=spanish)

    assert [item.value["page"].locale for item in menu.items] == [spanish] * 5


def test_contact_form_writes_to_the_site_settings_address(english_home, english):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    contact = ContactPage.objects.get(locale=english)

    assert contact.to_address == settings.contact_email == "info@example.org"
    assert [f.clean_name for f in contact.form_fields.all()] == [
        "name",
        "email",
        "organisation",
        "message",
    ]


def test_standard_pages_include_a_privacy_statement(english):
    slugs = set(
        StandardPage.objects.filter(locale=english).values_list("slug", flat=True)
    )
    privacy = StandardPage.objects.get(locale=english, slug="privacy-statement")

    assert {"about", "privacy-statement", "subscription-terms"} <= slugs
    assert "erasure" in str(privacy.body) and "forum posts" in str(privacy.body)


def test_generated_files_are_real_pdfs_videos_and_captions(english):
    publication = PublicationPage.objects.filter(locale=english).first()
    video = VideoPage.objects.filter(locale=english).first()

    with publication.document.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    with video.video_file.file.open("rb") as webm:
        assert webm.read(4) == b"\x1a\x45\xdf\xa3"  # EBML, the WebM container
    assert sorted(c.language for c in video.captions.all()) == ["en", "es"]
    for caption in video.captions.all():
        with caption.file.file.open("rb") as vtt:
            assert vtt.read(6) == b"WEBVTT"
    assert video.poster_image.width == 1280
    # 24, then the learning note's PDF and four background documents in two languages.
    assert Document.objects.filter(collection__name="Demo").count() == 24 + 1 + 4 * 2


@pytest.mark.parametrize("account", ACCOUNTS, ids=lambda account: account.email)
def test_demo_accounts_log_in_by_email(demo, account):
    user = authenticate(email=account.email, password="mutual-demo")

    assert user is not None
    assert user.preferred_language == account.language
    assert set(user.groups.values_list("name", flat=True)) == set(account.groups)


@pytest.mark.parametrize("account", ACCOUNTS, ids=lambda account: account.email)
def test_demo_accounts_get_the_admin_in_their_language_and_zone(demo, account):
    user = get_user_model().objects.get(email=account.email)
    profile = UserProfile.get_for_user(user)

    assert profile.get_preferred_language() == account.language
    assert profile.get_current_time_zone() == account.time_zone


def test_the_spanish_translator_opens_a_spanish_admin(client, demo):
    client.force_login(get_user_model().objects.get(email="translator-es@example.org"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert '<html lang="es"' in html


def test_the_demo_editor_authors_and_the_coordinator_approves(english):
    """What the README says: editors write and submit pages for moderation (and
    edit snippets as drafts); the coordinator, a moderator, approves and publishes.
    """
    users = get_user_model().objects
    editor = users.get(email="editor@example.org")
    coordinator = users.get(email="coordinator@example.org")
    about = StandardPage.objects.get(locale=english, slug="about")

    assert about.permissions_for_user(editor).can_edit()
    assert not about.permissions_for_user(editor).can_publish()
    assert about.permissions_for_user(coordinator).can_publish()
    workflow = about.get_workflow()
    approvers = {
        user
        for task in workflow.tasks.all()
        for group in task.specific.groups.all()
        for user in group.user_set.all()
    }
    assert coordinator in approvers
    assert editor not in approvers
    for model in (testimonials.Testimonial, MainMenu, Footer):
        snippet = model.objects.filter(locale=english).first()
        policy = policy_registry.get(snippet)
        assert policy.user_has_permission_for_instance(editor, "change", snippet)
        assert not policy.user_has_permission_for_instance(editor, "publish", snippet)
        assert policy.user_has_permission_for_instance(coordinator, "publish", snippet)


def test_translators_may_edit_the_spanish_tree(spanish):
    group = Group.objects.get(name="Translators (es)")
    spanish_home = HomePage.objects.get(locale=spanish)

    codenames = set(
        group.page_permissions.filter(page=spanish_home).values_list(
            "permission__codename", flat=True
        )
    )
    # Translators write; publishing is the reviewers' (the "Spanish review" workflow).
    assert codenames == {"add_page", "change_page"}
    assert group.permissions.filter(codename="access_admin").exists()


def test_a_later_run_resets_the_passwords(demo):
    call_command("load_demo", "--password", "another-secret", stdout=io.StringIO())

    assert authenticate(email="editor@example.org", password="another-secret")
    assert not authenticate(email="editor@example.org", password="mutual-demo")


def test_a_renamed_demo_page_is_found_again_not_duplicated(english):
    about = StandardPage.objects.get(locale=english, slug="about")
    about.title, about.slug = "Who we are", "who-we-are"
    about.save_revision().publish()
    pages_before = Page.objects.count()

    call_command("load_demo", stdout=io.StringIO())

    assert Page.objects.count() == pages_before


def test_the_output_lists_the_site_admin_and_accounts(demo):
    for text in (
        "http://127.0.0.1:8000/en/",
        "http://127.0.0.1:8000/es/",
        "http://127.0.0.1:8000/admin/",
        *(account.email for account in ACCOUNTS),
    ):
        assert text in demo.first_output
        assert text in demo.second_output


@pytest.mark.parametrize(("path", "title"), [("/en/", "Home"), ("/es/", "Inicio")])
def test_the_site_serves_both_home_pages(client, demo, path, title):
    response = client.get(path)

    assert response.status_code == 200
    assert response.context["page"].title == title


def test_a_string_without_spanish_fails_loudly(english_home, spanish):
    page = english_home.add_child(
        instance=StandardPage(title="Untranslated", slug="untranslated")
    )

    with pytest.raises(MissingSpanishError, match="'Untranslated'"):
        translate_object(page, locale=spanish, strings={"untranslated": "sin-traducir"})


def test_rich_text_pairs_follow_the_block_structure():
    text = RichText(
        '<p>Write to <a href="mailto:x@example.org">us</a>.</p><ul><li>One</li></ul>',
        '<p>Escríbenos a <a href="mailto:x@example.org">nosotros</a>.</p>'
        "<ul><li>Uno</li></ul>",
    )

    assert spanish_strings([text, T("Tom & Jerry", "Tom y Jerry")]) == {
        'Write to <a id="a1">us</a>.': 'Escríbenos a <a id="a1">nosotros</a>.',
        "One": "Uno",
        "Tom &amp; Jerry": "Tom y Jerry",
    }


def test_rich_text_with_a_missing_spanish_block_is_refused():
    text = RichText("<p>One</p><p>Two</p>", "<p>Uno y dos</p>")

    with pytest.raises(ValueError, match="Spanish HTML has 1 blocks"):
        spanish_strings(text)


def test_demo_pages_are_in_the_search_index(spanish):
    results = Page.objects.live().filter(locale=spanish).search("reflexivos")

    assert any(
        page.url.startswith("/es/programas/programa-de-aprendizaje-mutuo/")
        for page in results
    )


def test_the_seminar_states_the_seeds_objectives_and_target_groups(english, spanish):
    seminar = ProgrammePage.objects.get(locale=english, programme_format="seminar")
    seminar_es = seminar.get_translation(spanish)

    assert seminar.objectives_intro == (
        "At the end of the seminar, the participants will be able to:"
    )
    assert seminar.objectives[0].value == (
        "Introduce dialogue technique in their own field of practice;"
    )
    assert len(seminar.objectives) == 3
    assert len(seminar.target_groups) == 7
    assert seminar.target_groups[2].value == (
        "Members of Migration and Development Councils/Committees"
    )
    assert seminar_es.target_groups_intro.startswith("El seminario está pensado")
    # The Spanish groups are the same groups: a registration stores the id.
    assert [b.id for b in seminar_es.target_groups] == [
        b.id for b in seminar.target_groups
    ]
    assert seminar_es.target_groups[2].value.startswith("Integrantes de consejos")


def test_the_seminar_has_a_run_in_a_place_over_three_days(english):
    seminar = ProgrammePage.objects.get(locale=english, programme_format="seminar")
    run = Edition.objects.get(programme=seminar, slug=SEMINAR_RUN_SLUG)
    days = edition_schedule_by_day(edition=run)

    assert run.location_label == ("Bayanihan Training Centre, Cebu City, Philippines")
    assert [day.number for day in days] == [1, 2, 3]
    assert [len(day.sessions) for day in days] == [2, 2, 2]
    modules = [s.module.module_number for day in days for s in day.sessions]
    assert modules == [1, 2, 3, 4, 5, 6]
    first = days[0].sessions[0].meeting.starts_at.astimezone(run.zone)
    assert (first.hour, first.minute) == (9, 0)


@pytest.mark.parametrize(
    ("code", "heading", "group"),
    [
        ("en", "Day 2 · ", "Heads and personnel of Migration Resource Centers"),
        ("es", "Día 2 · ", "Responsables y personal de centros de recursos"),
    ],
)
def test_the_seminar_page_shows_its_days_and_groups_in_each_language(
    client, english, code, heading, group
):
    seminar = ProgrammePage.objects.get(locale=english, programme_format="seminar")
    page = seminar.get_translation(Locale.objects.get(language_code=code))

    html = client.get(page.url).content.decode()

    assert heading in html
    assert group in html
    assert "Cebu City" in html
    # A seminar's people register one by one: no organisation enrolment here.
    assert "/enrol/" not in html


# French: the site-level pages and snippets a French programme needs, machine-marked;
# the English/Spanish programmes stay bilingual; translator-fr. (In this module so
# that one load of the demo serves both.)


@pytest.fixture
def french(demo):
    return Locale.objects.get(language_code="fr")


def test_the_home_page_and_programme_index_exist_in_french(french):
    home = Site.objects.get(is_default_site=True).root_page
    index = ProgrammeIndexPage.objects.get(locale__language_code="en")

    assert home.get_translation(french).title == "Accueil"
    assert index.get_translation(french).live
    testimonial = testimonials.Testimonial
    live_testimonials = testimonial.objects.filter(locale=french, live=True)
    assert live_testimonials.count() == 5
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


# The surveys are checked on the demo loaded above: building a programme and its
# editions again only for them cost half a minute.
def test_the_past_edition_gets_surveys_and_answers_in_english_and_spanish(
    english, spanish
):
    past = Edition.objects.get(slug=PAST_SLUG)
    sources = Survey.objects.filter(programme=past.programme, locale=english)
    assert set(sources.values_list("kind", flat=True)) == set(SurveyKind.values) - {
        SurveyKind.EVENT_END
    }
    in_spanish = Survey.objects.filter(programme=past.programme, locale=spanish)
    assert in_spanish.count() == sources.count()
    submitted = SurveyResponse.objects.filter(edition=past, submitted_at__isnull=False)
    assert set(submitted.values_list("language", flat=True)) == {"en", "es"}
    for kind in sources.values_list("kind", flat=True):
        assert submitted.filter(survey__kind=kind).count() >= 3, kind
    assert not submitted.filter(survey__anonymous=True, user__isnull=False).exists()
    assert ensure_surveys() == (0, sources.count())
