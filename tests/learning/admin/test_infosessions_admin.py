"""Coordinators plan information sessions and download who signed up."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learning.infosessions.models import InfoSession
from tests.factories.learning import InfoSessionFactory
from tests.spreadsheets import (
    ESCAPED_FORMULA,
    FORMULA,
    SPANISH_NAME,
    csv_download_rows,
)

from .conftest import register
from .html import row_of

pytestmark = pytest.mark.django_db


def test_planning_a_session(coordinator_client, tree):
    data = {
        "programme": tree.programme.pk,
        "title": "Meet the programme",
        "starts_at": (timezone.now() + timedelta(days=9)).strftime("%Y-%m-%d %H:%M"),
        "duration_minutes": "60",
        "join_url": "https://zoom.example.org/info",
        "capacity": "40",
        "language": "es",
    }

    response = coordinator_client.post(reverse("learning_infosessions:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    session = InfoSession.objects.get(title="Meet the programme")
    assert (session.capacity, session.language) == (40, "es")


def test_the_session_list_shows_places_left(coordinator_client, tree):
    session = InfoSessionFactory(programme=tree.programme, capacity=3)
    register(session)

    response = coordinator_client.get(reverse("learning_infosessions:index"))

    # title, programme, starts at, language, capacity, registrations, places left
    assert row_of(response, session.title)[-2:] == ["1", "2"]


@pytest.fixture
def registrations(tree):
    session = InfoSessionFactory(programme=tree.programme, title="Open day")
    register(session, name="Ana Ruiz", email="ana@example.org")
    register(session, name="Ben Ode", email="ben@example.org", organisation="+Org")
    other = InfoSessionFactory(programme=tree.programme)
    register(other, name="Someone Else", email="else@example.org")
    return session


def _export(client, session, export_format):
    url = reverse("learning_infosession_registrations:index")
    response = client.get(url, {"session": session.pk, "export": export_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_registrations_export_as_csv(coordinator_client, registrations):
    content = _export(coordinator_client, registrations, "csv").decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(content)))
    assert [(r["Name"], r["Email address"]) for r in rows] == [
        ("Ana Ruiz", "ana@example.org"),
        ("Ben Ode", "ben@example.org"),
    ]
    assert rows[0]["Information session"] == "Open day"
    assert rows[1]["Organisation"] == "'+Org"


def test_registrations_export_as_xlsx(coordinator_client, registrations):
    content = _export(coordinator_client, registrations, "xlsx")

    sheet = load_workbook(io.BytesIO(content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    names = [dict(zip(header, row, strict=True))["Name"] for row in rows]
    assert names == ["Ana Ruiz", "Ben Ode"]


def test_the_registrations_csv_opens_in_a_spreadsheet(coordinator_client, tree):
    session = InfoSessionFactory(programme=tree.programme)
    register(session, name=SPANISH_NAME, organisation=FORMULA)
    url = reverse("learning_infosession_registrations:index")

    response = coordinator_client.get(url, {"session": session.pk, "export": "csv"})

    header, row = csv_download_rows(response)
    cells = dict(zip(header, row, strict=True))
    assert (cells["Name"], cells["Organisation"]) == (SPANISH_NAME, ESCAPED_FORMULA)
