"""Which languages a page is offered in: the site's, narrowed by its programme's.

The rule (README, "Languages and translation"): a page inside a programme (the
programme page and every page below it) is offered in the programme's `languages`
that are also content languages; a programme that names no language, and every page
outside programmes, is offered in all content languages. A translation into a
language its programme is not offered in stays editable in the admin but is not
offered to readers: not in the language switcher, not in hreflang links, not in
the content API.
"""

from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from learning.catalogue.models import ProgrammePage


def content_language_codes() -> list[str]:
    return list(get_content_languages())


def programme_language_codes(*, page: Page) -> list[str] | None:
    """The languages of the programme page belongs to (itself or an ancestor);
    None outside programmes or when the programme names none. One query."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    languages = (
        ProgrammePage.objects.filter(path__in=paths)
        .order_by("-depth")
        .values_list("languages", flat=True)
        .first()
    )
    return list(languages) if languages else None


def page_offered_language_codes(*, page: Page) -> list[str]:
    """The content languages page is offered in, in the site's order.

    Called by the language switcher and the hreflang links (cms.core.selectors).
    """
    codes = content_language_codes()
    programme = programme_language_codes(page=page)
    if programme is None:
        return codes
    return [code for code in codes if code in programme]


def unoffered_programme_paths() -> list[str]:
    """Tree paths of programme pages in a language their programme is not offered in.

    Each translation of a programme carries the programme's languages, so such a
    page and everything below it (same locale, same path prefix) is hidden from
    readers; for the API's visible pages. One query.
    """
    return [
        path
        for path, languages, code in ProgrammePage.objects.values_list(
            "path", "languages", "locale__language_code"
        )
        if languages and code not in languages
    ]


def programme_languages_by_path() -> list[tuple[str, list[str]]]:
    """(tree path, languages) of every programme page that names its languages, in
    every locale; with offered_codes_for_path, for lists of many pages. One query."""
    return [
        (path, list(languages))
        for path, languages in ProgrammePage.objects.values_list("path", "languages")
        if languages
    ]


def offered_codes_for_path(
    path: str | None, programmes: list[tuple[str, list[str]]]
) -> list[str]:
    """The content languages a page at path is offered in, given
    programme_languages_by_path(); all of them for items without a path."""
    codes = content_language_codes()
    for programme_path, languages in programmes:
        if path and path.startswith(programme_path):
            return [code for code in codes if code in languages]
    return codes
