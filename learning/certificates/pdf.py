"""The certificate as a PDF: A4 landscape, one page per language, with a QR code."""

import io
import math
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .models import Certificate

FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
INK = HexColor("#1f2933")
MUTED = HexColor("#52606d")
ACCENT = HexColor("#0b6e4f")
QR_SIZE = 4.2 * cm
MODULE_LINES = 3


@cache
def fonts() -> tuple[str, str]:
    """Regular and bold fonts: DejaVu (every accent) when present, else Helvetica."""
    regular, bold = FONT_FOLDER / "DejaVuSans.ttf", FONT_FOLDER / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def certificate_pdf_render(
    *, certificate: Certificate, readable_code: str, verify_url: str
) -> bytes:
    """The PDF's bytes: one page in each of the certificate's languages."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), invariant=True)
    canvas.setTitle(f"{certificate.holder_name} · {certificate.edition_label}")
    canvas.setAuthor(certificate.programme_title(certificate.languages[0]))
    for language in certificate.languages:
        with translation.override(language):
            _page(canvas, certificate, language, readable_code, verify_url)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(
    canvas: Canvas,
    certificate: Certificate,
    language: str,
    readable_code: str,
    verify_url: str,
) -> None:
    regular, bold = fonts()
    width, height = landscape(A4)
    centre = width / 2
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)
    y = height - 3.6 * cm
    y = _line(canvas, _("Certificate of completion"), (bold, 30), centre, y, ACCENT)
    y = _line(canvas, _("This certifies that"), (regular, 14), centre, y - 0.6 * cm)
    y = _line(canvas, certificate.holder_name, (bold, 24), centre, y - 0.3 * cm)
    if certificate.organisation_name:
        text = _("representing %(organisation)s") % {
            "organisation": certificate.organisation_name
        }
        y = _line(canvas, text, (regular, 14), centre, y)
    y = _line(canvas, _("completed the programme"), (regular, 14), centre, y - 0.3 * cm)
    programme = certificate.programme_title(language)
    y = _line(canvas, programme, (bold, 18), centre, y)
    edition = _("Edition: %(edition)s") % {"edition": certificate.edition_label}
    y = _line(canvas, edition, (regular, 13), centre, y)
    modules = [_title(m, language) for m in certificate.modules_completed]
    if modules:
        y = _line(canvas, _("Modules completed:"), (bold, 12), centre, y - 0.3 * cm)
        for text in _module_lines(modules):
            y = _line(canvas, text, (regular, 12), centre, y, size_step=0.6)
    hours = ngettext(
        "%(hours)s hour", "%(hours)s hours", math.ceil(certificate.hours)
    ) % {"hours": _hours(certificate.hours)}
    y = _line(canvas, hours, (regular, 12), centre, y - 0.2 * cm)
    _footer(canvas, certificate, readable_code, verify_url)


def _footer(
    canvas: Canvas, certificate: Certificate, readable_code: str, verify_url: str
) -> None:
    regular, bold = fonts()
    width, _height = landscape(A4)
    left = 2.2 * cm
    date = formats.date_format(certificate.issued_at.date(), "DATE_FORMAT")
    canvas.setFillColor(INK)
    canvas.setFont(regular, 11)
    canvas.drawString(left, 4.4 * cm, _("Issued on %(date)s") % {"date": date})
    canvas.drawString(left, 3.7 * cm, _("Verification code:"))
    canvas.setFont(bold, 12)
    canvas.drawString(left, 3.1 * cm, readable_code)
    canvas.setFillColor(MUTED)
    canvas.setFont(regular, 9)
    canvas.drawString(left, 2.4 * cm, _("Check it at %(url)s") % {"url": verify_url})
    widget = QrCodeWidget(verify_url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0],
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, width - 2 * cm - QR_SIZE, 1.9 * cm)


def _line(
    canvas: Canvas,
    text: str,
    font: tuple[str, int],
    x: float,
    y: float,
    colour: HexColor = INK,
    size_step: float = 0.75,
) -> float:
    """Draw `text` centred at (x, y); return the y of the next line."""
    name, size = font
    canvas.setFillColor(colour)
    canvas.setFont(name, size)
    canvas.drawCentredString(x, y, text)
    next_y: float = y - size * size_step - 0.45 * cm
    return next_y


def _module_lines(titles: list[str]) -> list[str]:
    # Up to three modules get a line each; more share lines so the footer stays clear.
    if len(titles) <= MODULE_LINES:
        return titles
    per_line = -(-len(titles) // MODULE_LINES)
    return [
        " · ".join(titles[i : i + per_line]) for i in range(0, len(titles), per_line)
    ]


def _title(titles: dict[str, str] | str, language: str) -> str:
    if isinstance(titles, str):
        return titles
    return titles.get(language) or next(iter(titles.values()), "")


def _hours(hours: Decimal) -> str:
    value = Decimal(hours)
    text = formats.number_format(value, decimal_pos=1)
    return text[:-2] if value == value.to_integral_value() else text
