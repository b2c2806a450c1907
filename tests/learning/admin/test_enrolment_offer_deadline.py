"""Coordinators see until when an offered place is held, and that it lapsed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.services import offers_expire
from tests.factories.learning import EnrolmentFactory

from .html import listing_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered(edition):
    """A place offered on 1 December at 15:00 UTC, held 72 hours, in Lima time."""
    edition.time_zone = "America/Lima"
    edition.save()
    return EnrolmentFactory(
        edition=edition,
        organisation__name="Casa Abierta",
        status=EnrolmentStatus.OFFERED,
        promoted_at=datetime(2026, 12, 1, 15, 0, tzinfo=ZoneInfo("UTC")),
    )


def _notice(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.select_one("[data-offer-deadline]")
    return " ".join(notice.get_text(" ", strip=True).split()) if notice else ""


def test_the_list_shows_the_offer_deadline_in_the_edition_zone(
    coordinator_client, offered
):
    EnrolmentFactory(edition=offered.edition, organisation__name="Confirmed one")

    response = coordinator_client.get(reverse("learning_enrolments:index"))

    rows = {row[0]: row for row in listing_rows(response)}
    # 72 hours after 15:00 UTC on 1 December is 10:00 on 4 December in Lima.
    assert "Dec. 4, 2026, 10:00 (Peru Time)" in rows["Casa Abierta"]
    assert not any("Peru Time" in cell for cell in rows["Confirmed one"])


def test_the_inspect_view_shows_the_deadline_then_that_the_offer_lapsed(
    coordinator_client, offered
):
    url = reverse("learning_enrolments:inspect", args=[offered.pk])

    waiting = _notice(coordinator_client.get(url))
    offers_expire(now=offered.promoted_at + timedelta(hours=72))
    lapsed = _notice(coordinator_client.get(url))

    assert waiting.startswith("Offer deadline: Dec. 4, 2026, 10:00 (Peru Time).")
    assert lapsed.startswith("The offer lapsed unanswered at its deadline")
    assert "Dec. 4, 2026, 10:00 (Peru Time)" in lapsed


def test_a_confirmed_enrolment_has_no_offer_deadline(coordinator_client, edition):
    enrolment = EnrolmentFactory(edition=edition, promoted_at=timezone.now())

    response = coordinator_client.get(
        reverse("learning_enrolments:inspect", args=[enrolment.pk])
    )

    assert _notice(response) == ""
