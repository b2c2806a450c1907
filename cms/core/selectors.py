from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class SitemapEntry:
    location: str
    last_modified: object
    alternates: list[tuple[str, str]] = field(default_factory=list)


def sitemap_entries(*, request) -> list[SitemapEntry]:
    """Live public pages of every language with hreflang alternates; for sitemap.xml."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .order_by("path")
    )
    urls_by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_full_url(request)
        if not url:
            continue
        urls_by_key[page.translation_key].append((page.locale.language_code, url))
        entries.append((page, url))
    return [
        SitemapEntry(
            location=url,
            last_modified=page.last_published_at,
            alternates=sorted(urls_by_key[page.translation_key]),
        )
        for page, url in entries
    ]
