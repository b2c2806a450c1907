"""The translation gate: sign-ups open only when the pages people read for them are
live and up to date in every language of the programme."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.translations.gate import gate_pages, gate_status
from learning.core.models import Opening, OpeningState
from learning.core.openings import (
    OpeningBlockedError,
    opening_decide,
    opening_gate,
    opening_open,
    opening_validate,
)
from learning.editions.services import edition_create
from learning.enrolments.services import enrolment_create
from learning.events.services import event_schedule, rsvp_submit
from learning.infosessions.services import infosession_create, infosession_register
from tests.cms.translations.helpers import translate
from tests.factories import SuperUserFactory, UserFactory
from tests.factories.catalogue import ProgrammePageFactory
from tests.factories.events import EventPageFactory
from tests.factories.learning import programme_tree, representatives

pytestmark = pytest.mark.django_db


def _edition(programme):
    now = timezone.now()
    return edition_create(
        programme=programme,
        title="Spring",
        starts_on=(now + timedelta(days=60)).date(),
        ends_on=(now + timedelta(days=120)).date(),
        enrolment_opens_at=now - timedelta(hours=1),
        enrolment_closes_at=now + timedelta(days=30),
        places=10,
    )


def _enrol(edition):
    return enrolment_create(
        edition=edition,
        organisation_name="Red Andina",
        organisation_country="PE",
        representatives=representatives("andina"),
        module_ids=[edition.programme.get_children().first().pk],
        consent=True,
    )


@pytest.fixture
def tree(home_pages, locales):
    return programme_tree(modules=2, topics_per_module=1)


def _pages(tree):
    return [
        tree.programme,
        *tree.modules,
        *(t for ts in tree.topics.values() for t in ts),
    ]


def test_an_edition_needs_its_programme_modules_and_session_topics(tree):
    edition = _edition(tree.programme)

    needed = {page.pk for page in gate_pages(edition)}

    assert needed == {page.pk for page in _pages(tree)}


def test_an_untranslated_programme_holds_enrolment(tree):
    edition = _edition(tree.programme)

    assert opening_gate(subject=edition) == "blocked"
    assert gate_status(edition).languages == {"en": "up_to_date", "es": "missing"}
    with pytest.raises(ValidationError) as excinfo:
        _enrol(edition)
    assert excinfo.value.code == "opening_blocked"


def test_the_coordinator_sees_each_missing_page_with_a_link(tree):
    edition = _edition(tree.programme)
    coordinator = UserFactory()

    with pytest.raises(OpeningBlockedError) as excinfo:
        opening_open(subject=edition, actor=coordinator)

    assert excinfo.value.code == "translation_gate_blocked"
    blockers = excinfo.value.report.blockers
    assert {b.title for b in blockers} == {p.title for p in _pages(tree)}
    assert {(b.language, b.status) for b in blockers} == {("es", "missing")}
    assert all(b.url.startswith("/admin/pages/") for b in blockers)
    assert opening_gate(subject=edition) == "blocked"


def test_translated_pages_open_enrolment(tree, locales):
    edition = _edition(tree.programme)
    translate(_pages(tree), locales["es"])

    opening = opening_decide(subject=edition)

    assert gate_status(edition).blockers == []
    assert opening.state == OpeningState.OPEN
    assert gate_status(edition).languages == {"en": "up_to_date", "es": "up_to_date"}
    assert _enrol(edition).created


def test_a_draft_translation_does_not_count(tree, locales):
    translate(_pages(tree), locales["es"])
    topic_es = tree.topics[1][0].get_translation(locales["es"])
    topic_es.unpublish()

    edition = _edition(tree.programme)

    report = gate_status(edition)
    assert opening_gate(subject=edition) == "blocked"
    assert [(b.title, b.status) for b in report.blockers] == [
        (tree.topics[1][0].title, "not_live")
    ]


def test_an_outdated_translation_blocks(
    tree, locales, django_capture_on_commit_callbacks
):
    translate(_pages(tree), locales["es"])
    module = tree.modules[0]
    module.title = "Module 1, rewritten"
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()  # the sync task re-extracts its strings

    edition = _edition(tree.programme)

    assert gate_status(edition).languages["es"] == "outdated"
    assert opening_gate(subject=edition) == "blocked"


def test_an_admin_overrides_with_a_reason_in_the_audit_log(tree):
    edition = _edition(tree.programme)
    admin = SuperUserFactory()

    with pytest.raises(OpeningBlockedError):
        opening_open(subject=edition, actor=admin, override_reason="  ")
    with pytest.raises(PermissionDenied):
        opening_open(subject=edition, actor=UserFactory(), override_reason="Urgent")
    opening_open(subject=edition, actor=admin, override_reason="Spanish on Monday")

    assert opening_gate(subject=edition) == "open"
    entry = ModelLogEntry.objects.get(action="learning.opening.override")
    assert entry.user == admin
    assert entry.data["reason"] == "Spanish on Monday"
    assert _enrol(edition).created


def test_after_opening_a_source_change_closes_nothing_and_tells_translators(
    tree, locales, translator, django_capture_on_commit_callbacks
):
    edition = _edition(tree.programme)
    translate(_pages(tree), locales["es"])
    opening_decide(subject=edition)
    mail.outbox.clear()

    topic = tree.topics[2][0]
    topic.title = "A new question"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()

    opening_validate(subject=edition)  # still open
    opening = Opening.objects.get(object_id=edition.pk)
    assert opening.outdated_since is not None
    sent = [m for m in mail.outbox if m.to == [translator.email]]
    # In the translator's language, naming the open edition that needs the page.
    assert any(
        "A new question" in m.body and "Ya abierto a inscripción: Spring" in m.body
        for m in sent
    )


def test_an_event_opens_for_rsvp_only_when_its_page_is_translated(locales):
    programme = ProgrammePageFactory(programme_format="event_series")
    page = EventPageFactory(parent=programme)
    now = timezone.now()

    event = event_schedule(
        page=page,
        starts_at=now + timedelta(days=20),
        rsvp_closes_at=now + timedelta(days=18),
    )

    assert opening_gate(subject=event) == "blocked"
    with pytest.raises(ValidationError) as excinfo:
        rsvp_submit(
            event=event,
            attending=True,
            name="Ana",
            email="ana@example.org",
            institution="",
            country="",
            language="en",
            consent=True,
        )
    assert excinfo.value.code == "opening_blocked"
    translate([programme, page], locales["es"])
    assert opening_decide(subject=event).state == OpeningState.OPEN


def test_an_information_session_needs_its_programme(locales):
    programme = ProgrammePageFactory()
    session = infosession_create(
        programme=programme,
        starts_at=datetime.now(UTC) + timedelta(days=5),
        capacity=20,
        language="en",
    )
    assert [p.pk for p in gate_pages(session)] == [programme.pk]
    with pytest.raises(ValidationError) as excinfo:
        infosession_register(
            session=session,
            name="Ana",
            email="ana@example.org",
            organisation="",
            country="",
            language="en",
            consent=True,
        )
    assert excinfo.value.code == "opening_blocked"

    translate([programme], locales["es"])
    opening_decide(subject=session)
    assert opening_gate(subject=session) == "open"


def test_a_programme_in_english_only_opens_at_once(locales):
    programme = ProgrammePageFactory(languages=["en"])

    edition = _edition(programme)

    assert gate_status(edition).languages == {"en": "up_to_date"}
    assert opening_gate(subject=edition) == "open"


def test_subjects_from_before_the_gate_stay_open(tree):
    from tests.factories.learning import EditionFactory

    edition = EditionFactory(programme=tree.programme)

    assert opening_gate(subject=edition) == "open"
    opening_validate(subject=edition)
