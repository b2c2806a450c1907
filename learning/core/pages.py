"""Titles of catalogue pages in the reader's language, for any format's lists."""

from collections.abc import Iterable

from wagtail.models import Locale, Page


def titles_localized(*, pages: Iterable[Page]) -> dict[object, str]:
    """Titles of the pages' live translations in the active language, by key.

    One query for a whole list; callers pass the result to `title_localized`.
    """
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    translations = (
        Page.objects.filter(translation_key__in=keys, locale=Locale.get_active())
        .live()
        .values_list("translation_key", "title")
    )
    return dict(translations)


def title_localized(*, page: Page, titles: dict[object, str]) -> str:
    """The page's translated title when there is one, else its own."""
    title: str = titles.get(page.translation_key, page.title)
    return title
