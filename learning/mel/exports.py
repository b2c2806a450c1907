"""MEL downloads: CSV and XLSX of the same report the dashboard shows.

The XLSX has one sheet per level (edition, modules, meetings, organisations,
questions: a row per breakdown, a column per indicator) plus the raw answers;
the CSV holds the indicators in long form, or the raw answers. A figure under
the small-group rule is written as the words "too few answers", never as a
number. Names and emails appear only for non-anonymous surveys and only for
coordinators (`with_people`).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.db.models import Q
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook

from learning.core.csv_export import csv_cell_safe, csv_response

from .enums import SurveyKind
from .indicators import EditionReport, Indicator, Level, survey_questions
from .indicators.frame import EditionFrame
from .indicators.surveys import responses_for_edition
from .models import SurveyAnswer

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def figure_cell(figure: Any) -> Any:
    """What a cell holds for a figure: its number, or the words it shows."""
    value = figure.value
    if value is None:
        return str(figure) if figure.kind == "too_few_answers" else ""
    return float(value) if not isinstance(value, int) else value


def level_labels() -> dict[str, str]:
    return {
        Level.EDITION: _("Edition"),
        Level.MODULE: _("Modules"),
        Level.MEETING: _("Meetings"),
        Level.ORGANISATION: _("Organisations"),
        Level.QUESTION: _("Questions"),
    }


@dataclass
class LevelTable:
    """One level as a table: a row per breakdown, a column per indicator."""

    level: str
    indicators: list[Indicator]
    rows: list[tuple[str, str, list[Any]]]  # key, label, a figure (or None) each


def level_table(report: EditionReport, level: str) -> LevelTable:
    """The report's rows of one level, gathered across its indicators."""
    indicators = [i for i in report.indicators if i.at(level)]
    rows: dict[tuple[str, str], list[Any]] = {}
    for column, indicator in enumerate(indicators):
        for row in indicator.at(level):
            cells = rows.setdefault((row.key, row.label), [None] * len(indicators))
            cells[column] = row.figure
    return LevelTable(
        level, indicators, [(key, label, cells) for (key, label), cells in rows.items()]
    )


def _level_sheet(
    report: EditionReport, level: str
) -> tuple[list[str], list[list[Any]]]:
    table = level_table(report, level)
    header = [str(Level(level).label).capitalize()] + [
        i.label for i in table.indicators
    ]
    rows = [
        [label] + ["" if f is None else figure_cell(f) for f in cells]
        for _key, label, cells in table.rows
    ]
    return header, rows


def indicator_lines(report: EditionReport) -> Iterator[list[Any]]:
    """The report in long form: indicator, level, breakdown, value, and more."""
    for indicator in report.indicators:
        for row in indicator.rows:
            data = row.figure.as_data()
            yield [
                indicator.code,
                indicator.label,
                row.level,
                row.label,
                figure_cell(row.figure),
                data.get("part", data.get("respondents", "")),
                data.get("whole", ""),
            ]


def indicators_csv(report: EditionReport) -> HttpResponse:
    header = [
        _("Indicator code"),
        _("Indicator"),
        _("Level"),
        _("Breakdown"),
        _("Value"),
        _("Counted (or respondents)"),
        _("Out of"),
    ]
    return csv_response(
        filename=f"mel-{_slug(report)}.csv",
        header=header,
        rows=indicator_lines(report),
    )


def answer_header(*, with_people: bool) -> list[str]:
    header = [
        _("Survey"),
        _("Asked"),
        _("Meeting or module"),
        _("Organisation"),
        _("Language"),
        _("Submitted at"),
        _("Question"),
        _("Score"),
        _("Text"),
    ]
    return header + ([_("Name"), _("Email")] if with_people else [])


def answer_lines(frame: EditionFrame, *, with_people: bool) -> Iterator[list[Any]]:
    """The submitted answers the frame's filters keep, one line per answer.

    Anonymous surveys' lines carry no organisation (a small one would point to
    a person); names and emails only `with_people` and never for them.
    """
    kept = [r.pk for r in responses_for_edition(edition=frame.edition, frame=frame)]
    texts = {
        q["id"]: q["text"]
        for q in survey_questions(edition=frame.edition, kinds=SurveyKind.values)
    }
    answers = (
        SurveyAnswer.objects.filter(response_id__in=kept)
        .filter(~Q(text="") | Q(score__isnull=False))
        .select_related(
            "response__survey",
            "response__organisation",
            "response__meeting__session_topic",
            "response__module",
            "response__user",
        )
        .order_by("response__submitted_at", "response_id", "pk")
    )
    for answer in answers:
        yield _answer_line(answer, texts, with_people=with_people)


def _answer_line(
    answer: SurveyAnswer, texts: dict[str, str], *, with_people: bool
) -> list[Any]:
    response, survey = answer.response, answer.response.survey
    occasion = response.meeting or response.module
    organisation = response.organisation
    line = [
        survey.title,
        survey.get_kind_display(),
        "" if occasion is None else str(occasion),
        "" if survey.anonymous or organisation is None else organisation.name,
        response.language,
        response.submitted_at.isoformat() if response.submitted_at else "",
        texts.get(answer.question_id, answer.question_id),
        "" if answer.score is None else answer.score,
        answer.text,
    ]
    if with_people:
        person = None if survey.anonymous else response.user
        line += [
            "" if person is None else (person.get_full_name() or ""),
            "" if person is None else person.email,
        ]
    return line


def answers_csv(report: EditionReport, *, with_people: bool) -> HttpResponse:
    return csv_response(
        filename=f"mel-answers-{_slug(report)}.csv",
        header=answer_header(with_people=with_people),
        rows=answer_lines(report.frame, with_people=with_people),
    )


def report_xlsx(report: EditionReport, *, with_people: bool) -> HttpResponse:
    """A workbook: a sheet per level, then the raw answers."""
    book = Workbook()
    book.remove(book.active)
    for level, title in level_labels().items():
        header, rows = _level_sheet(report, level)
        if rows:
            _sheet(book, title, header, rows)
    _sheet(
        book,
        _("Answers"),
        answer_header(with_people=with_people),
        answer_lines(report.frame, with_people=with_people),
    )
    stream = BytesIO()
    book.save(stream)
    response = HttpResponse(stream.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"mel-{_slug(report)}.xlsx"
    )
    return response


def _sheet(
    book: Workbook, title: str, header: list[Any], rows: Iterable[list[Any]]
) -> None:
    sheet = book.create_sheet(title=title[:31])
    sheet.append([str(cell) for cell in header])
    for row in rows:
        # openpyxl would store text starting with "=" as a formula.
        sheet.append([csv_cell_safe(cell) for cell in row])


def _slug(report: EditionReport) -> str:
    return report.edition.slug or str(report.edition.pk)
