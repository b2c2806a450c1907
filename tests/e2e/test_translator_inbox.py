"""A Spanish translator works through the inbox on the dashboard in order: the
page a meeting needs in three days first, then the one an enrolment opening
needs in forty. The inbox, the gate's page and the bulk action pass axe on a
phone."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from playwright.sync_api import expect

from cms.translations.services import locale_team_setup
from learning.editions.models import Edition
from tests.cms.translations.helpers import translate
from tests.e2e.axe import axe_report
from tests.factories import SuperUserFactory, UserFactory
from tests.factories.catalogue import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)
from tests.factories.learning import EditionFactory, MeetingFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def inbox(home_pages, locales, live_server):
    """A programme translated into Spanish but for two session topics; a meeting
    on "Listening" in three days, enrolment opening in forty."""
    team = locale_team_setup(locale=locales["es"])
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    programme = ProgrammePageFactory(parent=index, title="Mutual learning")
    module = ModulePageFactory(parent=programme, title="Dialogue")
    translate([programme, module], locales["es"])
    later = SessionTopicPageFactory(parent=module, title="Facilitation")
    soon = SessionTopicPageFactory(parent=module, title="Listening")
    now = timezone.now()
    edition = EditionFactory(
        programme=programme,
        title="Autumn",
        enrolment_opens_at=now + timedelta(days=40),
        enrolment_closes_at=now + timedelta(days=70),
    )
    MeetingFactory(edition=edition, session_topic=soon, starts_at=now + timedelta(3))
    translator = UserFactory(email="traductora@example.org", preferred_language="en")
    translator.is_staff = True
    translator.save()
    translator.groups.add(team.translators)
    return {"translator": translator, "edition": edition, "later": later}


def _inbox_titles(page) -> list[str]:
    rows = page.locator("[data-translations-panel] [data-inbox-row] td:first-child")
    return [text.strip() for text in rows.all_inner_texts()]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_translator_works_through_the_inbox_in_order(
    inbox, live_server, admin_on_phone
):
    page = admin_on_phone(inbox["translator"])
    reports = {}

    expect(page.locator("[data-inbox-row]").first).to_be_visible()
    titles = _inbox_titles(page)
    assert titles.index("Listening") < titles.index("Facilitation")
    if report := axe_report(page):
        reports["inbox"] = report

    for title in ("Listening", "Facilitation"):
        row = page.locator("[data-inbox-row]", has_text=title)
        row.get_by_role("button", name="Start translation").click()
        expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
        page.goto(f"{live_server.url}/admin/")
        row = page.locator("[data-inbox-row]", has_text=title)
        expect(row.locator("[data-inbox-continue]")).to_be_visible()

    assert _inbox_titles(page)[:2] == ["Listening", "Facilitation"]
    assert reports == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_gate_page_and_the_bulk_action_pass_axe_on_a_phone(
    inbox, live_server, admin_on_phone
):
    admin = SuperUserFactory()
    page = admin_on_phone(admin)
    edition_type = ContentType.objects.get_for_model(Edition)
    reports = {}

    page.goto(
        f"{live_server.url}/admin/learning/opening/"
        f"{edition_type.pk}/{inbox['edition'].pk}/"
    )
    expect(page.locator("[data-opening-blockers]")).to_contain_text("Listening")
    if report := axe_report(page):
        reports["gate"] = report
    page.get_by_label("Reason for opening anyway").fill("Printed copies in Spanish")
    page.get_by_role("button", name="Open anyway").click()
    expect(page.locator("[data-opening-state]")).to_have_attribute(
        "data-opening-state", "open"
    )

    later = inbox["later"]
    page.goto(
        f"{live_server.url}/admin/bulk/wagtailcore/page/"
        f"machine_translate_for_review/?id={later.pk}&next=/admin/"
    )
    expect(page.locator("[data-bulk-machine-review]")).to_contain_text("Facilitation")
    if report := axe_report(page):
        reports["bulk"] = report

    assert reports == {}
