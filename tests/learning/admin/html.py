"""Reading the admin's listings as a user sees them."""

from bs4 import BeautifulSoup


def _text(cell) -> str:
    # A title cell also holds its "more" menu: its link carries the title.
    if "title" in (cell.get("class") or []) and cell.find("a"):
        cell = cell.find("a")
    return " ".join(cell.get_text(" ", strip=True).split())


def listing_rows(response) -> list[list[str]]:
    """The text of each cell of each row in the listing table of the page."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [_text(cell) for cell in row.find_all("td")]
        for row in soup.select("table.listing tbody tr")
    ]


def row_of(response, text: str) -> list[str]:
    """The cells of the listing row whose first cell contains `text`."""
    return next(row for row in listing_rows(response) if text in row[0])
