"""Sample PDFs made with reportlab: bilingual publications and slide decks."""

import io
import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from ..bilingual import RichText, T, Text

INK = colors.HexColor("#1d2b36")
ACCENT = colors.HexColor("#1d3557")
WARM = colors.HexColor("#f4a261")

DEMO_NOTE = T(
    "This sample publication was generated for the demo site of the Mutual Learning "
    "Platform.",
    "Esta publicación de ejemplo se generó para el sitio de demostración de la "
    "Plataforma de Aprendizaje Mutuo.",
)
BAND = T(
    "Mutual Learning Program · Sample publication",
    "Programa de Aprendizaje Mutuo · Publicación de ejemplo",
)
LABELS = {
    "en": {"authors": "Authors", "year": "Year", "topics": "Topics"},
    "es": {"authors": "Autoría", "year": "Año", "topics": "Temas"},
}


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle(
            "title",
            parent=base["Title"],
            fontSize=22,
            leading=27,
            textColor=ACCENT,
            alignment=0,
            spaceAfter=8 * mm,
        ),
        "meta": ParagraphStyle(
            "meta", parent=base["Normal"], fontSize=10, leading=14, textColor=INK
        ),
        "body": ParagraphStyle(
            "body",
            parent=base["Normal"],
            fontSize=11.5,
            leading=17,
            textColor=INK,
            spaceAfter=4 * mm,
        ),
        "note": ParagraphStyle(
            "note",
            parent=base["Italic"],
            fontSize=9,
            leading=12,
            textColor=colors.HexColor("#5c6b77"),
        ),
    }


def _paragraphs(html: str) -> list[str]:
    """The inner HTML of each <p> and <li>; reportlab reads <b> and <i> itself."""
    return re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", html, flags=re.DOTALL)


def publication_pdf(
    *,
    title: Text,
    authors: Sequence[str],
    year: int,
    topics: Sequence[Text],
    summary: RichText,
) -> bytes:
    """Two A4 pages: the publication in English, then in Spanish."""
    styles = _styles()
    story = []
    for language in ("en", "es"):
        labels = LABELS[language]
        topic_names = ", ".join(topic.in_language(language) for topic in topics)
        story += [
            Paragraph(title.in_language(language), styles["title"]),
            Paragraph(
                f"<b>{labels['authors']}:</b> {', '.join(authors)}", styles["meta"]
            ),
            Paragraph(f"<b>{labels['year']}:</b> {year}", styles["meta"]),
            *(
                [Paragraph(f"<b>{labels['topics']}:</b> {topic_names}", styles["meta"])]
                if topics
                else []
            ),
            Spacer(1, 8 * mm),
            *(
                Paragraph(text, styles["body"])
                for text in _paragraphs(summary.in_language(language))
            ),
            Spacer(1, 6 * mm),
            Paragraph(DEMO_NOTE.in_language(language), styles["note"]),
            PageBreak(),
        ]
    story.pop()  # no blank page at the end

    def band(canvas: Canvas, doc) -> None:
        language = "en" if doc.page == 1 else "es"
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 22 * mm, width, 22 * mm, stroke=0, fill=1)
        canvas.setFillColor(WARM)
        canvas.rect(0, height - 24 * mm, width, 2 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(20 * mm, height - 13 * mm, BAND.in_language(language))
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(width - 20 * mm, 12 * mm, str(doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=38 * mm,
        bottomMargin=22 * mm,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        title=title.en,
        author=", ".join(authors),
        subject=BAND.en,
    )
    doc.build(story, onFirstPage=band, onLaterPages=band)
    return buffer.getvalue()


BACKGROUND_BAND = T(
    "Background document · Demo sample",
    "Documento de referencia · Ejemplo de demostración",
)


def background_pdf(
    *,
    title: str,
    publisher: str,
    sections: Sequence[tuple[str, Sequence[str]]],
    language: str,
) -> bytes:
    """One A4 page in one language: a learning event's agenda, draft or report."""
    styles = _styles()
    story = [Paragraph(title, styles["title"])]
    for heading, paragraphs in sections:
        story.append(Paragraph(f"<b>{heading}</b>", styles["body"]))
        story += [Paragraph(text, styles["body"]) for text in paragraphs]
    story += [
        Spacer(1, 6 * mm),
        Paragraph(DEMO_NOTE.in_language(language), styles["note"]),
    ]

    def band(canvas: Canvas, doc) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 22 * mm, width, 22 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(20 * mm, height - 13 * mm, publisher)
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(
            width - 20 * mm, height - 13 * mm, BACKGROUND_BAND.in_language(language)
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=38 * mm,
        bottomMargin=22 * mm,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        title=title,
        author=publisher,
        lang=language,
    )
    doc.build(story, onFirstPage=band, onLaterPages=band)
    return buffer.getvalue()


SLIDE = (960, 540)  # points, 16:9
BEFORE_MEETING = {
    "en": (
        "Before the meeting",
        ("Review the materials of the session.", "Answer the questions in the forum."),
    ),
    "es": (
        "Antes del encuentro",
        ("Revisa los materiales de la sesión.", "Responde las preguntas en el foro."),
    ),
}


def deck_pdf(
    *,
    title: str,
    subtitle: str,
    slides: Sequence[tuple[str, Sequence[str]]],
    language: str,
) -> bytes:
    """A slide deck: a title slide, one slide per topic and a closing slide."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=SLIDE)
    canvas.setTitle(f"{title}: {subtitle}")
    _title_slide(canvas, title, subtitle)
    for heading, bullets in slides:
        _bullet_slide(canvas, heading, bullets)
    closing_heading, closing_bullets = BEFORE_MEETING[language]
    _bullet_slide(canvas, closing_heading, closing_bullets)
    canvas.save()
    return buffer.getvalue()


def _title_slide(canvas: Canvas, title: str, subtitle: str) -> None:
    width, height = SLIDE
    canvas.setFillColor(ACCENT)
    canvas.rect(0, 0, width, height, stroke=0, fill=1)
    canvas.setFillColor(WARM)
    canvas.circle(width - 120, height - 90, 150, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont("Helvetica-Bold", 40)
    canvas.drawString(60, 260, title)
    canvas.setFont("Helvetica", 20)
    for index, line in enumerate(simpleSplit(subtitle, "Helvetica", 20, width - 120)):
        canvas.drawString(60, 215 - index * 26, line)
    canvas.showPage()


def _bullet_slide(canvas: Canvas, heading: str, bullets: Sequence[str]) -> None:
    width, height = SLIDE
    canvas.setFillColor(colors.HexColor("#f6efe6"))
    canvas.rect(0, 0, width, height, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 12, width, 12, stroke=0, fill=1)
    canvas.setFont("Helvetica-Bold", 30)
    y = height - 80
    for line in simpleSplit(heading, "Helvetica-Bold", 30, width - 120):
        canvas.drawString(60, y, line)
        y -= 36
    y -= 20
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 20)
    for bullet in bullets:
        lines = simpleSplit(bullet, "Helvetica", 20, width - 160)
        canvas.setFillColor(WARM)
        canvas.circle(72, y + 7, 5, stroke=0, fill=1)
        canvas.setFillColor(INK)
        for line in lines:
            canvas.drawString(92, y, line)
            y -= 28
        y -= 10
    canvas.showPage()
