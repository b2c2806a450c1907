"""Every decision on an enrolment is on its history: who took it, and when."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.services import (
    enrolment_offer_accept,
    enrolment_offer_decline,
)
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    ParticipantFactory,
)

from .html import listing_rows

pytestmark = pytest.mark.django_db

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")

# (admin action, status before, what the history says)
DECISIONS = [
    ("confirm", EnrolmentStatus.PENDING_APPROVAL, "Enrolment confirmed"),
    ("reject", EnrolmentStatus.PENDING_APPROVAL, "Enrolment rejected"),
    ("withdraw", EnrolmentStatus.CONFIRMED, "Enrolment withdrawn"),
    (
        "promote",
        EnrolmentStatus.WAITLISTED,
        "Enrolment moved from the waitlist to a confirmed place",
    ),
]


def _enrolment(edition, status):
    position = 1 if status == EnrolmentStatus.WAITLISTED else None
    return EnrolmentFactory(edition=edition, status=status, waitlist_position=position)


def _history(client, enrolment):
    url = reverse("learning_enrolments:history", args=[enrolment.pk])
    response = client.get(url)
    assert response.status_code == 200
    return listing_rows(response)


def _who(user) -> str:
    return user.get_full_name() or user.get_username()


@pytest.mark.parametrize(("name", "status", "message"), DECISIONS)
def test_a_decision_names_its_actor_on_the_enrolment_history(
    coordinator_client, coordinator, edition, name, status, message
):
    enrolment = _enrolment(edition, status)
    before = timezone.now()

    coordinator_client.post(reverse(f"learning_enrolments:{name}", args=[enrolment.pk]))

    entry = ModelLogEntry.objects.get(action=f"enrolments.{name}")
    assert entry.user == coordinator
    assert entry.object_id == str(enrolment.pk)
    assert entry.timestamp >= before
    rows = _history(coordinator_client, enrolment)
    row = next(row for row in rows if message in row[0])
    assert _who(coordinator) in row[1]


def test_a_repeated_click_is_one_entry(coordinator_client, edition):
    enrolment = _enrolment(edition, EnrolmentStatus.CONFIRMED)
    url = reverse("learning_enrolments:withdraw", args=[enrolment.pk])

    coordinator_client.post(url)
    coordinator_client.post(url)

    assert ModelLogEntry.objects.filter(action="enrolments.withdraw").count() == 1


def test_a_refused_decision_leaves_no_entry(coordinator_client, tree):
    edition = EditionFactory(programme=tree.programme, places=1)
    EnrolmentFactory(edition=edition)
    waiting = _enrolment(edition, EnrolmentStatus.WAITLISTED)

    coordinator_client.post(reverse("learning_enrolments:promote", args=[waiting.pk]))

    assert not ModelLogEntry.objects.filter(action="enrolments.promote").exists()


def test_replacing_a_representative_is_on_the_history(
    coordinator_client, coordinator, edition
):
    old = ParticipantFactory(enrolment__edition=edition)
    url = reverse("learning_enrolments:replace_representative", args=[old.pk])
    data = {"name": "Nadia Osei", "email": "nadia@example.org", "role": ""}

    coordinator_client.post(url, {**data, "preferred_language": "en"})

    entry = ModelLogEntry.objects.get(action="enrolments.representative_replace")
    assert entry.user == coordinator
    assert entry.data["replaced_id"] == old.pk
    row = next(
        row
        for row in _history(coordinator_client, old.enrolment)
        if "Representative replaced" in row[0]
    )
    assert _who(coordinator) in row[1]


@pytest.mark.parametrize(
    ("answer", "action", "status"),
    [
        (enrolment_offer_accept, "offer_accept", EnrolmentStatus.CONFIRMED),
        (enrolment_offer_decline, "offer_decline", EnrolmentStatus.WITHDRAWN),
    ],
)
def test_an_organisations_answer_to_an_offer_is_on_record(
    coordinator_client, edition, answer, action, status
):
    enrolment = _enrolment(edition, EnrolmentStatus.OFFERED)

    answer(enrolment=enrolment)

    entry = ModelLogEntry.objects.get(action=f"enrolments.{action}")
    assert entry.user is None  # the organisation answers by its link
    assert entry.data["status"] == status
    assert _history(coordinator_client, enrolment)


def test_decisions_are_in_the_site_history_a_coordinator_reads(
    coordinator_client, coordinator, edition
):
    enrolment = _enrolment(edition, EnrolmentStatus.PENDING_APPROVAL)
    coordinator_client.post(reverse("learning_enrolments:confirm", args=[enrolment.pk]))

    response = coordinator_client.get(SITE_HISTORY, {"action": "enrolments.confirm"})

    assert response.status_code == 200
    inspect = reverse("learning_enrolments:inspect", args=[enrolment.pk])
    assert f'href="{inspect}"' in response.content.decode()
    row = next(row for row in listing_rows(response) if "Enrolment confirmed" in row)
    assert _who(coordinator) in " ".join(row)


def test_the_inspect_page_links_to_the_history(coordinator_client, edition):
    enrolment = _enrolment(edition, EnrolmentStatus.PENDING_APPROVAL)

    response = coordinator_client.get(
        reverse("learning_enrolments:inspect", args=[enrolment.pk])
    )

    history = reverse("learning_enrolments:history", args=[enrolment.pk])
    assert f'href="{history}"' in response.content.decode()


def test_the_decision_labels_are_translated(coordinator_client, edition):
    enrolment = _enrolment(edition, EnrolmentStatus.PENDING_APPROVAL)
    coordinator_client.post(reverse("learning_enrolments:confirm", args=[enrolment.pk]))
    entry = ModelLogEntry.objects.get(action="enrolments.confirm")

    with translation.override("es"):
        assert entry.message == "Inscripción confirmada"
        assert str(log_action_registry.get_action_label(entry.action)) == (
            "Confirmar inscripción"
        )


def test_edition_services_log_with_their_actor(coordinator, edition):
    from learning.editions.services import edition_facilitators_set, edition_update

    edition_update(edition=edition, data={"places": 20}, actor=coordinator)
    edition_facilitators_set(edition=edition, users=[coordinator], actor=coordinator)

    entries = ModelLogEntry.objects.filter(object_id=str(edition.pk))
    assert {(e.action, e.user) for e in entries} >= {
        ("wagtail.edit", coordinator),
        ("editions.facilitators_set", coordinator),
    }


def test_an_edition_edited_in_the_admin_is_logged_once(
    coordinator_client, coordinator, edition
):
    url = reverse("learning_editions:edit", args=[edition.pk])
    form = coordinator_client.get(url).context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() is not None
    }
    data["places"] = 40

    coordinator_client.post(url, data)

    edition.refresh_from_db()
    assert edition.places == 40
    edits = ModelLogEntry.objects.filter(action="wagtail.edit")
    assert [entry.user for entry in edits] == [coordinator]
