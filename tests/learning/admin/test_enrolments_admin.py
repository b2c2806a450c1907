"""Coordinators decide on enrolments in the admin, through the services."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Participant
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    ParticipantFactory,
)
from tests.spreadsheets import (
    ESCAPED_FORMULA,
    FORMULA,
    SPANISH_NAME,
    csv_download_rows,
)

from .html import listing_rows

pytestmark = pytest.mark.django_db


def _action_url(name, enrolment):
    return reverse(f"learning_enrolments:{name}", args=[enrolment.pk])


def _waitlisted(edition, position=1, **kwargs):
    return EnrolmentFactory(
        edition=edition,
        status=EnrolmentStatus.WAITLISTED,
        waitlist_position=position,
        **kwargs,
    )


def test_the_action_asks_before_it_acts(coordinator_client, edition):
    enrolment = EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.PENDING_APPROVAL
    )

    response = coordinator_client.get(_action_url("confirm", enrolment))

    assert response.status_code == 200
    assert (
        f"Confirm the place of {enrolment.organisation.name} in {edition.title}?"
        in response.content.decode()
    )
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.PENDING_APPROVAL


def test_confirming_a_pending_enrolment(coordinator_client, edition):
    enrolment = EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.PENDING_APPROVAL
    )

    response = coordinator_client.post(_action_url("confirm", enrolment), follow=True)

    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CONFIRMED
    assert f"{enrolment.organisation.name} is confirmed" in response.content.decode()


def test_withdrawing_offers_the_place_to_the_waitlist(coordinator_client, tree):
    edition = EditionFactory(programme=tree.programme, places=1)
    holder = EnrolmentFactory(edition=edition)
    waiting = _waitlisted(edition)

    response = coordinator_client.post(_action_url("withdraw", holder))

    assert response.status_code == 302
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == EnrolmentStatus.WITHDRAWN
    assert waiting.status == EnrolmentStatus.OFFERED


def test_promoting_from_the_waitlist_into_a_free_place(coordinator_client, tree):
    edition = EditionFactory(programme=tree.programme, places=2)
    EnrolmentFactory(edition=edition)
    waiting = _waitlisted(edition)

    coordinator_client.post(_action_url("promote", waiting))

    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.CONFIRMED
    assert waiting.waitlist_position is None


def test_a_promotion_that_would_overbook_is_refused(coordinator_client, tree):
    edition = EditionFactory(programme=tree.programme, places=1)
    EnrolmentFactory(edition=edition)
    waiting = _waitlisted(edition)

    response = coordinator_client.post(_action_url("promote", waiting))

    assert response.status_code == 200
    assert (
        "No place is left: add places to the edition first."
        in response.content.decode()
    )
    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.WAITLISTED
    assert waiting.waitlist_position == 1
    assert edition.enrolments.filter(status=EnrolmentStatus.CONFIRMED).count() == 1


def test_replacing_a_representative(coordinator_client, edition):
    old = ParticipantFactory(enrolment__edition=edition)
    url = reverse("learning_enrolments:replace_representative", args=[old.pk])
    data = {
        "name": "Nadia Osei",
        "email": "Nadia@Example.org",
        "role": "Director",
        "preferred_language": "es",
    }

    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    old.refresh_from_db()
    new = Participant.objects.get(email="nadia@example.org")
    assert not old.is_active
    assert old.replaced_by == new
    assert new.enrolment == old.enrolment
    assert new.preferred_language == "es"


def test_the_inspect_page_offers_only_the_decisions_that_apply(
    coordinator_client, edition
):
    enrolment = _waitlisted(edition)
    ParticipantFactory(enrolment=enrolment, name="Ana <b>Ruiz</b>")

    response = coordinator_client.get(
        reverse("learning_enrolments:inspect", args=[enrolment.pk])
    )

    content = response.content.decode()
    assert _action_url("promote", enrolment) in content
    assert _action_url("confirm", enrolment) not in content
    assert "Ana &lt;b&gt;Ruiz&lt;/b&gt;" in content


def test_the_list_filters_by_status_and_country(coordinator_client, edition):
    EnrolmentFactory(edition=edition, organisation__name="Alpha")
    _waitlisted(edition, organisation__name="Beta")
    _waitlisted(
        edition,
        position=2,
        organisation=OrganisationFactory(name="Gamma", country="Peru"),
    )
    url = reverse("learning_enrolments:index")

    waiting = coordinator_client.get(url, {"status": "waitlisted"})
    in_peru = coordinator_client.get(url, {"country": "peru"})

    assert sorted(row[0] for row in listing_rows(waiting)) == ["Beta", "Gamma"]
    assert [row[0] for row in listing_rows(in_peru)] == ["Gamma"]


@pytest.fixture
def exported_edition(edition):
    """An edition with one confirmed enrolment of two representatives."""
    enrolment = EnrolmentFactory(
        edition=edition,
        organisation=OrganisationFactory(name="=Evil Org", country="Kenya"),
    )
    ParticipantFactory(
        enrolment=enrolment, name="Ana Ruiz", email="ana@evil.example.org"
    )
    ParticipantFactory(
        enrolment=enrolment,
        name="Ben Ode",
        email="ben@evil.example.org",
        preferred_language="es",
    )
    EnrolmentFactory(organisation__name="Other edition's organisation")
    return edition


def _export(client, edition, export_format):
    url = reverse("learning_enrolments:index")
    response = client.get(url, {"edition": edition.pk, "export": export_format})
    assert response.status_code == 200
    assert (
        f"enrolments-{edition.slug}.{export_format}"
        in (response["Content-Disposition"])
    )
    return b"".join(response.streaming_content)


def test_enrolments_export_as_csv(coordinator_client, exported_edition):
    content = _export(coordinator_client, exported_edition, "csv").decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 1
    row = rows[0]
    assert row["Organisation"] == "'=Evil Org"  # not run as a formula
    assert row["Country"] == "Kenya"
    assert row["Status"] == "confirmed"
    assert row["Representatives"] == "Ana Ruiz; Ben Ode"
    assert row["Email addresses"] == "ana@evil.example.org; ben@evil.example.org"
    assert row["Preferred languages"] == "en; es"


def test_enrolments_export_as_xlsx(coordinator_client, exported_edition):
    content = _export(coordinator_client, exported_edition, "xlsx")

    sheet = load_workbook(io.BytesIO(content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Organisation"] == "=Evil Org"
    assert row["Email addresses"] == "ana@evil.example.org; ben@evil.example.org"
    assert row["Waitlist position"] is None


def test_the_enrolments_csv_opens_in_a_spreadsheet(coordinator_client, edition):
    enrolment = EnrolmentFactory(
        edition=edition, organisation=OrganisationFactory(name=FORMULA)
    )
    ParticipantFactory(enrolment=enrolment, name=SPANISH_NAME)
    url = reverse("learning_enrolments:index")

    response = coordinator_client.get(url, {"edition": edition.pk, "export": "csv"})

    header, row = csv_download_rows(response)
    cells = dict(zip(header, row, strict=True))
    assert cells["Organisation"] == ESCAPED_FORMULA
    assert cells["Representatives"] == SPANISH_NAME
