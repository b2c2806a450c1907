"""Learning → MEL: who may see which edition, the dashboard's figures, charts,
filters, drill down and downloads (the same numbers as the selectors)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from learning.mel.indicators import Level, edition_report
from tests.factories.users import UserFactory

from .indicator_world import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def dashboard(world: World) -> str:
    return reverse("learning_mel:edition", args=[world.edition.pk])


@pytest.mark.parametrize(
    ("who", "index", "edition"),
    [
        ("coordinator", 200, 200),
        ("facilitator", 200, 200),
        ("other_facilitator", 200, 404),  # facilitates another edition only
        ("participant", "login", "login"),  # no admin access at all
        ("staff", 404, 404),  # in the admin, but facilitates nothing
    ],
)
def test_permission_matrix(client, world, who, index, edition):
    users = {
        "coordinator": world.coordinator,
        "facilitator": world.facilitator,
        "other_facilitator": world.other_facilitator,
        "participant": world.people["A"][0].user,
        "staff": UserFactory(is_staff=True, is_superuser=False),
    }
    user = users[who]
    if who == "staff":
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    def outcome(url):
        # A 404 under the admin is redirected to the language-prefixed address
        # first (LocaleMiddleware); the sign-in page answers people without access.
        response = client.get(url, follow=True)
        login = "login" in response.request["PATH_INFO"]
        return "login" if login else response.status_code

    assert outcome(reverse("learning_mel:index")) == index
    assert outcome(dashboard(world)) == edition
    answers = reverse("learning_mel:answers", args=[world.edition.pk])
    assert outcome(answers) == edition
    assert outcome(dashboard(world) + "?format=xlsx") == edition


def test_index_lists_only_the_facilitators_editions(client, world):
    client.force_login(world.other_facilitator)

    page = client.get(reverse("learning_mel:index")).content.decode()

    assert f'data-edition="{world.edition.pk}"' not in page


def test_dashboard_shows_the_selectors_figures_with_accessible_charts(client, world):
    client.force_login(world.facilitator)

    page = client.get(dashboard(world)).content.decode()

    report = edition_report(edition=world.edition)
    attendance = report.get("attendance_rate").total
    assert str(attendance) == "66% (8/12)"
    assert str(attendance) in page
    assert 'data-chart="organisation-attendance"' in page
    assert "<title id=" in page and "<desc id=" in page
    assert page.count("too few answers") >= 2  # Org B and C's scores
    assert 'data-level="organisation"' in page


def test_filters_narrow_the_dashboard(client, world):
    client.force_login(world.coordinator)

    page = client.get(
        dashboard(world), {"organisation": world.orgs["A"].pk}
    ).content.decode()

    assert "83% (5/6)" in page
    assert (
        "Org B" not in page.split('data-level="organisation"')[1].split("</table>")[0]
    )


def test_drill_down_shows_answers_in_every_language_with_too_few_guard(client, world):
    client.force_login(world.facilitator)
    answers = reverse("learning_mel:answers", args=[world.edition.pk])

    whole = client.get(answers).content.decode()
    small = client.get(
        answers, {"level": Level.ORGANISATION, "key": world.orgs["C"].pk}
    ).content.decode()

    assert "Escuchar primero" in whole and "Listening first" in whole
    assert "data-too-few" in small
    assert "Dialogue" not in small


def test_csv_export_equals_the_report(client, world):
    client.force_login(world.facilitator)

    body = client.get(dashboard(world) + "?format=csv").content.decode("utf-8-sig")

    lines = list(csv.reader(io.StringIO(body)))[1:]
    edition_rows = {line[0]: line[4] for line in lines if line[2] == Level.EDITION}
    assert edition_rows["attendance_rate"] == "66"
    assert edition_rows["survey_average_scores"] == "3.7"
    organisation_scores = {
        line[3]: line[4]
        for line in lines
        if line[0] == "survey_average_scores" and line[2] == Level.ORGANISATION
    }
    assert organisation_scores == {
        "Org A": "4.0",
        "Org B": "too few answers",
        "Org C": "too few answers",
    }


def _sheet(response, title):
    book = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book[title].iter_rows(values_only=True)]


def test_xlsx_has_a_sheet_per_level_and_the_answers(client, world):
    client.force_login(world.coordinator)

    response = client.get(dashboard(world) + "?format=xlsx")

    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Edition",
        "Modules",
        "Meetings",
        "Organisations",
        "Questions",
        "Answers",
    ]
    organisations = _sheet(response, "Organisations")
    header = organisations[0]
    org_b = next(row for row in organisations if row[0] == "Org B")
    assert org_b[header.index("Average score")] == "too few answers"
    assert org_b[header.index("Attendance rate")] == 50


def test_people_in_raw_answers_only_for_coordinators_and_named_surveys(client, world):
    from learning.mel.models import SurveyResponse

    named = SurveyResponse.objects.filter(
        survey=world.surveys["after"], submitted_at__isnull=False
    ).first()
    named.user = world.people["A"][0].user
    named.save()
    world.surveys["before_module"].anonymous = True
    world.surveys["before_module"].save()

    client.force_login(world.coordinator)
    coordinator_rows = _sheet(client.get(dashboard(world) + "?format=xlsx"), "Answers")
    client.force_login(world.facilitator)
    facilitator_rows = _sheet(client.get(dashboard(world) + "?format=xlsx"), "Answers")

    assert "Email" in coordinator_rows[0]
    assert any(world.people["A"][0].email in row for row in coordinator_rows)
    anonymous = [row for row in coordinator_rows if row[0] == "Before"]
    assert anonymous and all(row[3] is None and row[-1] is None for row in anonymous)
    assert "Email" not in facilitator_rows[0]
