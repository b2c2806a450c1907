"""MEL indicators counted by hand on a small finished edition (indicator_world)."""

from decimal import Decimal

import pytest
from django.test import override_settings

from learning.mel.indicators import (
    Filters,
    Level,
    Rate,
    TooFewAnswers,
    attendance_rate,
    certificates_issued,
    edition_report,
    forum_activity,
    materials_reviewed,
    self_assessment_change,
    survey_average_scores,
    survey_response_rate,
    waitlist_demand,
)

from .indicator_world import World, build_world, respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def figures(indicator, level):
    return {row.label: row.figure for row in indicator.at(level)}


def percents(indicator, level):
    return {label: f.percent for label, f in figures(indicator, level).items()}


def test_attendance_rate_counts_expected_members_and_leaves_excused_out(world):
    indicator = attendance_rate(edition=world.edition)

    assert indicator.total == Rate(part=8, whole=12)
    assert percents(indicator, Level.ORGANISATION) == {
        "Org A": 83,
        "Org B": 50,
        "Org C": 50,
    }
    assert percents(indicator, Level.MODULE) == {"Module 1": 71, "Module 2": 60}
    # The meeting still to come is not in the rates.
    assert [row.figure.whole for row in indicator.at(Level.MEETING)] == [7, 5]


def test_forum_activity_counts_posts_before_the_meeting_only(world):
    indicator = forum_activity(edition=world.edition)

    # A late post (B1) and a hidden one (C1) do not count; A1's two posts count once.
    assert [row.figure for row in indicator.at(Level.MEETING)] == [
        Rate(part=1, whole=8),
        Rate(part=1, whole=5),
    ]
    assert figures(indicator, Level.ORGANISATION)["Org A"] == Rate(part=2, whole=6)


def test_materials_reviewed_counts_marks_made_before_the_meeting(world):
    indicator = materials_reviewed(edition=world.edition)

    meeting_1, meeting_2 = indicator.at(Level.MEETING)
    assert meeting_1.figure == Rate(part=3, whole=16)  # A2 marked after it started
    assert meeting_2.figure == Rate(part=0, whole=5)
    assert indicator.total.percent == 14


def test_certificates_issued_leave_revoked_ones_out(world):
    indicator = certificates_issued(edition=world.edition)

    assert indicator.total == Rate(part=2, whole=8)
    assert percents(indicator, Level.ORGANISATION)["Org A"] == 66
    assert percents(indicator, Level.ORGANISATION)["Org B"] == 0
    assert indicator.at(Level.MEETING) == []


def test_waitlist_demand_counts_organisations_that_waited(world):
    indicator = waitlist_demand(edition=world.edition)

    assert indicator.total.count == 2  # one waiting, one moved up
    assert {r.label: r.figure.count for r in indicator.at(Level.MODULE)} == {
        "Module 1": 1,
        "Module 2": 0,
    }


def test_response_rate_counts_invitations_answered(world):
    indicator = survey_response_rate(edition=world.edition)

    assert indicator.total == Rate(part=6, whole=8)
    assert percents(indicator, Level.ORGANISATION) == {
        "Org A": 100,
        "Org B": 100,
        "Org C": 0,
    }


def test_average_scores_pool_answers_given_in_every_language(world):
    indicator = survey_average_scores(edition=world.edition)

    # 5, 4 (es), 3, 2 (es), 4, 4: the Spanish answers join the English ones; the
    # unsubmitted response (a 1) does not count.
    assert indicator.total.value == Decimal("3.7")
    assert indicator.total.respondents == 6
    (useful,) = indicator.at(Level.QUESTION)
    assert (useful.key, useful.label) == ("q-useful", "How useful was it?")
    assert useful.figure.value == Decimal("3.7")


def test_a_breakdown_of_fewer_than_three_respondents_shows_too_few_answers(world):
    indicator = survey_average_scores(edition=world.edition)

    by_org = figures(indicator, Level.ORGANISATION)
    assert by_org["Org A"].value == Decimal("4.0")
    assert isinstance(by_org["Org B"], TooFewAnswers)
    assert isinstance(by_org["Org C"], TooFewAnswers)
    assert str(by_org["Org C"]) == "too few answers"
    assert by_org["Org C"].as_data() == {
        "kind": "too_few_answers",
        "value": None,
        "minimum": 3,
    }


def test_the_language_filter_keeps_answers_in_that_language(world):
    spanish = Filters(language="es")

    indicator = survey_average_scores(edition=world.edition, filters=spanish)

    assert isinstance(indicator.total, TooFewAnswers)  # two Spanish answers
    with override_settings(LEARNING_MEL_MIN_GROUP=2):
        indicator = survey_average_scores(edition=world.edition, filters=spanish)
    assert indicator.total.value == Decimal("3.0")


def test_the_organisation_filter_narrows_every_indicator(world):
    only_a = Filters(organisation_id=world.orgs["A"].pk)

    report = edition_report(edition=world.edition, filters=only_a)

    assert report.get("attendance_rate").total == Rate(part=5, whole=6)
    assert report.get("survey_average_scores").total.value == Decimal("4.0")
    assert [r.label for r in report.get("attendance_rate").at(Level.ORGANISATION)] == [
        "Org A"
    ]


def test_the_module_filter_keeps_that_modules_meetings(world):
    module_2 = Filters(module_id=world.modules[1].pk)

    indicator = attendance_rate(edition=world.edition, filters=module_2)

    assert indicator.total == Rate(part=3, whole=5)
    assert [r.label for r in indicator.at(Level.MODULE)] == ["Module 2"]


def test_self_assessment_change_compares_after_with_before(world):
    indicator = self_assessment_change(edition=world.edition)

    total = indicator.total
    assert (total.before.value, total.after.value) == (Decimal("2.3"), Decimal("4.3"))
    assert total.value == Decimal("2.0")
    assert figures(indicator, Level.MODULE)["Module 1"].value == Decimal("2.0")
    # Org A has two people on each side: too few.
    assert isinstance(figures(indicator, Level.ORGANISATION)["Org A"], TooFewAnswers)
    (objective,) = indicator.at(Level.QUESTION)
    assert objective.label == "I can plan a dialogue"


def test_a_new_answer_moves_the_figures(world):
    respond(
        world.surveys["after"],
        occasion={"meeting": world.meetings[0], "edition": world.edition},
        organisation=world.orgs["C"],
        language="en",
        scores={"q-useful": 5},
    )

    indicator = survey_average_scores(edition=world.edition)

    assert figures(indicator, Level.ORGANISATION)["Org C"].value == Decimal("4.3")
    assert indicator.total.respondents == 7


def test_the_report_holds_every_indicator_once(world):
    report = edition_report(edition=world.edition)

    assert [i.code for i in report.indicators] == [
        "attendance_rate",
        "forum_activity",
        "materials_reviewed",
        "survey_response_rate",
        "survey_average_scores",
        "self_assessment_change",
        "certificates_issued",
        "waitlist_demand",
    ]
    assert all(i.counts for i in report.indicators)


def test_erasing_a_person_keeps_every_figure(world):
    from learning.mel.models import SurveyResponse
    from learning.privacy.services import person_data_erase

    a1 = world.people["A"][0]
    named = SurveyResponse.objects.filter(
        survey=world.surveys["after"], submitted_at__isnull=False
    ).first()
    named.user = a1.user
    named.save()

    def figures_of(report):
        return {
            (i.code, r.level, r.key): r.figure.as_data()
            for i in report.indicators
            for r in i.rows
        }

    before = figures_of(edition_report(edition=world.edition))
    person_data_erase(email=a1.email, actor=world.coordinator)
    after = figures_of(edition_report(edition=world.edition))

    assert after == before
