"""A session written first in Spanish, held with interpretation and recorded per
language track: its public page (both languages), its programme page and the
coordinators' recording pages pass axe (WCAG 2.2 AA) on a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS
from tests.e2e.axe import axe_report
from tests.factories.events import EventRecordingFactory, EventRsvpFactory
from tests.learning.events.domain import spanish_source_session
from tests.learning.events.test_admin import admin_user

pytestmark = pytest.mark.e2e


@pytest.fixture
def held_session(home_pages):
    """The session, ended, with three tracks recorded and one person attending."""
    made = spanish_source_session(
        home_pages,
        starts_at=timezone.now() - timedelta(days=2),
        interpretation_languages=["en", "fr"],
    )
    for language in ("es", "en", "fr"):
        EventRecordingFactory(
            event=made.event,
            language=language,
            url=f"https://video.example.org/{language}",
        )
    EventRsvpFactory(event=made.event, language="fr")
    coordinator = admin_user("Coordinators", COORDINATOR_PERMISSIONS)
    return made, coordinator, made.page_en.get_parent().url


def _axe(page, reports, name, url, text):
    page.goto(url)
    expect(page.locator("main")).to_contain_text(text)
    if report := axe_report(page):
        reports[name] = report


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_session_pages_and_recording_admin_have_no_axe_violations_on_a_phone(
    held_session, live_server, admin_on_phone
):
    made, user, programme_path = held_session
    # Signed in as a coordinator: the public pages read the same to them.
    page = admin_on_phone(user)
    base, pk = live_server.url, made.event.pk
    reports = {}
    _axe(page, reports, "page_en", base + made.page_en.url, "Français")
    _axe(page, reports, "page_es", base + made.page_es.url, "Español")
    _axe(page, reports, "programme", base + programme_path, "Past sessions")
    for name, path in {
        "inspect": f"/admin/learning/events/inspect/{pk}/",
        "recording": f"/admin/learning/events/recording/{pk}/fr/",
        "remove": f"/admin/learning/events/recording/{pk}/fr/remove/",
        "announce": f"/admin/learning/events/announce-recordings/{pk}/",
    }.items():
        _axe(page, reports, name, base + path, "Masculin")

    assert reports == {}
