"""Read a certificate PDF back: its text (pypdf) and its QR code (pdfium + zxing)."""

import io

import pypdf
import pypdfium2
import zxingcpp


def pdf_pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdf_qr_codes(data: bytes) -> list[str]:
    """The text of every QR code found on the PDF's pages."""
    document = pypdfium2.PdfDocument(data)
    found = []
    for page in document:
        image = page.render(scale=3).to_pil()
        found += [result.text for result in zxingcpp.read_barcodes(image)]
    return found
