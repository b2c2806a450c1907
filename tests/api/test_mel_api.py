"""The MEL API returns the selectors' figures: one number everywhere
(report = export = API), the small-group rule, filters and the schema."""

import csv
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api.keys import personal_token_create
from learning.mel.indicators import Level, edition_report
from tests.learning.mel.indicator_world import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def mel_world() -> World:
    return build_world()


def api_as(user) -> APIClient:
    _token, key = personal_token_create(user=user, name="mel")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return api


def indicators(api, world, **params):
    url = f"/api/v1/mel/editions/{world.edition.pk}/indicators/"
    response = api.get(url, params)
    assert response.status_code == 200, response.content
    return {i["code"]: i for i in response.json()["indicators"]}


def test_report_export_and_api_give_the_same_numbers(client, mel_world):
    world = mel_world
    report = edition_report(edition=world.edition)
    client.force_login(world.coordinator)
    url = reverse("learning_mel:edition", args=[world.edition.pk])
    page = client.get(url).content.decode()
    exported = client.get(url + "?format=csv").content.decode("utf-8-sig")
    from_api = indicators(api_as(world.coordinator), world)

    csv_values = {
        (line[0], line[2], line[3]): line[4]
        for line in list(csv.reader(io.StringIO(exported)))[1:]
    }
    for indicator in report.indicators:
        api_rows = from_api[indicator.code]["rows"]
        assert len(api_rows) == len(indicator.rows)
        for row, api_row in zip(indicator.rows, api_rows, strict=True):
            data = row.figure.as_data()
            assert api_row["figure"] == data
            exported_value = csv_values[(indicator.code, row.level, row.label)]
            expected = "" if data["value"] is None else data["value"]
            if row.figure.kind == "too_few_answers":
                expected = "too few answers"
            assert exported_value == str(expected)
        assert f"{indicator.label}: <span data-total>{indicator.total}" in page


def test_small_groups_have_no_value_in_the_api(mel_world):
    world = mel_world

    scores = indicators(api_as(world.facilitator), world)["survey_average_scores"]

    by_org = {
        r["label"]: r["figure"] for r in scores["rows"] if r["level"] == "organisation"
    }
    assert by_org["Org A"] == {
        "kind": "average",
        "value": 4.0,
        "answers": 3,
        "respondents": 3,
    }
    assert by_org["Org B"] == {"kind": "too_few_answers", "value": None, "minimum": 3}


def test_filters_apply_and_bad_ones_are_refused(mel_world):
    world = mel_world
    api = api_as(world.coordinator)

    only_a = indicators(api, world, organisation=world.orgs["A"].pk)
    bad = api.get(
        f"/api/v1/mel/editions/{world.edition.pk}/indicators/", {"module": "x"}
    )

    edition_row = next(
        r for r in only_a["attendance_rate"]["rows"] if r["level"] == Level.EDITION
    )
    assert edition_row["figure"]["value"] == 83
    assert bad.status_code == 400


def test_the_schema_documents_the_mel_endpoints(db):
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    assert "/api/v1/mel/editions/{id}/indicators/" in schema["paths"]
    operation = schema["paths"]["/api/v1/mel/editions/{id}/indicators/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "module",
        "organisation",
        "language",
    }
