from django.core import mail
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from cms.pages.models import StandardPage
from cms.translations.enums import TranslationStatus
from cms.translations.inbox import translation_work_list
from cms.translations.selectors import translation_status_matrix
from tests.spreadsheets import ESCAPED_FORMULA, FORMULA, csv_download_rows

from .conftest import localize


def cell(obj, locale):
    (row,) = translation_status_matrix(objects=[obj], locales=[locale])
    return row.cells[locale.language_code]


def test_a_page_without_spanish_is_missing(home_pages, locales, team):
    page = home_pages["en"].add_child(
        instance=StandardPage(title="New", slug="new", locale=locales["en"])
    )

    assert cell(page, locales["es"]).status == TranslationStatus.MISSING


def test_a_translated_page_and_snippet_are_up_to_date(bilingual, locales):
    assert cell(bilingual.page["en"], locales["es"]).status == "up_to_date"
    assert cell(bilingual.snippet["en"], locales["es"]).status == "up_to_date"


def test_publishing_english_syncs_spanish_keeping_unchanged_strings(
    bilingual, locales, translator, django_capture_on_commit_callbacks
):
    page = bilingual.page["en"]
    page.introduction = "Who we are, and why."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    source = bilingual.translations["page"].source
    texts = {
        s.string.data: StringTranslation.objects.filter(
            translation_of=s.string, locale=locales["es"], context=s.context
        ).first()
        for s in StringSegment.objects.filter(source=source).select_related("string")
    }
    assert texts["About us"].data == "Quiénes somos"  # unchanged: kept
    assert texts["Who we are, and why."] is None  # changed: for the translator
    result = cell(page, locales["es"])
    assert result.status == TranslationStatus.OUTDATED
    assert result.untranslated == 1
    # One digest to the Spanish translator, in Spanish.
    digests = [
        m
        for m in mail.outbox
        if translator.email in m.to and "sync_digest" in m.extra_headers["X-MLP-Notice"]
    ]
    assert len(digests) == 1
    assert "About us" in digests[0].body


def test_publishing_several_pages_in_one_transaction_sends_one_digest(
    bilingual, home_pages, locales, translator, django_capture_on_commit_callbacks
):
    other = home_pages["en"].add_child(
        instance=StandardPage(title="Team", slug="team", introduction="Our team.")
    )
    localize(
        other,
        locales["es"],
        **{"Team": "Equipo", "team": "equipo", "Our team.": "Equipo."},
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for page, text in ((bilingual.page["en"], "New intro."), (other, "Others.")):
            page.introduction = text
            page.save_revision().publish()

    digests = [
        m
        for m in mail.outbox
        if translator.email in m.to and "sync_digest" in m.extra_headers["X-MLP-Notice"]
    ]
    assert len(digests) == 1
    assert "About us" in digests[0].body and "Team" in digests[0].body


def test_the_status_costs_the_same_queries_for_10_and_50_pages(
    home_pages, locales, team, django_assert_max_num_queries
):
    pages = []
    for n in range(50):
        page = home_pages["en"].add_child(
            instance=StandardPage(title=f"P{n}", slug=f"p{n}", locale=locales["en"])
        )
        pages.append(page)
    for page in pages[:3]:
        localize(page, locales["es"], **{page.title: "ES", page.slug: "es"})

    with django_assert_max_num_queries(8) as small:
        translation_status_matrix(objects=pages[:10], locales=[locales["es"]])
    with django_assert_max_num_queries(len(small.captured_queries)):
        rows = translation_status_matrix(objects=pages, locales=[locales["es"]])
    assert sum(r.cells["es"].status == "missing" for r in rows) == 47


def test_the_work_list_puts_a_topic_with_a_meeting_soon_first(
    home_pages, locales, team
):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories.learning import (
        EditionFactory,
        MeetingFactory,
        programme_tree,
    )

    tree = programme_tree(modules=1, topics_per_module=2)
    later, soon = tree.topics[1]
    MeetingFactory(
        edition=EditionFactory(programme=tree.programme),
        session_topic=soon,
        starts_at=timezone.now() + timedelta(days=2),
    )

    rows = translation_work_list(locale=locales["es"])

    titles = [str(r.object) for r in rows]
    assert titles.index(soon.title) < titles.index(later.title)


def test_the_report_shows_status_counts_filters_and_csv(
    client, bilingual, editor, locales
):
    client.force_login(editor)
    page = bilingual.page["en"]
    page.introduction = "Changed intro."
    page.save_revision().publish()
    from cms.translations.services import translation_sources_sync

    translation_sources_sync(source_ids=[bilingual.translations["page"].source_id])

    response = client.get(reverse("translations_report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="outdated"' in html
    assert "1 string behind" in html

    outdated = client.get(reverse("translations_report"), {"status": "outdated"})
    assert "About us" in outdated.content.decode()
    assert "We learnt a lot" not in outdated.content.decode()

    csv = client.get(reverse("translations_report"), {"export": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "About us,standard page,outdated,1" in csv.content.decode()


def test_the_translator_dashboard_lists_missing_and_outdated_work(
    client, bilingual, home_pages, locales, translator
):
    home_pages["en"].add_child(
        instance=StandardPage(title="Untranslated", slug="untranslated")
    )
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert "data-translations-panel" in html
    assert "Untranslated" in html
    assert "About us" not in html  # up to date


def test_users_outside_a_locale_team_do_not_get_the_panel(client, bilingual, admin):
    client.force_login(admin)

    response = client.get(reverse("wagtailadmin_home"))

    assert "data-translations-panel" not in response.content.decode()


def test_an_editor_publishing_in_the_admin_syncs_after_the_response(
    client, bilingual, editor, admin, translator, locales
):
    page = bilingual.page["en"]
    client.force_login(admin)
    mail.outbox.clear()

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            "title": "About us",
            "slug": "about",
            "introduction": "Who we really are.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )

    assert cell(page, locales["es"]).untranslated == 1
    assert [
        m
        for m in mail.outbox
        if m.extra_headers.get("X-MLP-Notice", "").endswith("sync_digest")
    ]


def test_the_report_csv_opens_in_a_spreadsheet(client, home_pages, locales, editor):
    home_pages["en"].add_child(
        instance=StandardPage(title=FORMULA, slug="formula", locale=locales["en"])
    )
    client.force_login(editor)

    response = client.get(reverse("translations_report"), {"export": "csv"})

    header, *rows = csv_download_rows(response)
    assert header[:2] == ["Title", "Type"]
    assert [ESCAPED_FORMULA, "standard page", "missing", "0"] in rows
