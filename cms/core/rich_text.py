"""Internal page links in rich text, in one query per text.

Wagtail's own handler loads the linked pages as their specific types (two
queries) and looks up the active locale (a third) for every rich text field.
Our page types keep Wagtail's URL methods, so the base page is enough; the
translation is looked up only when the link points to another language.
"""

from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler


class PageLinkHandler(WagtailPageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = {
            str(page.pk): page
            for page in Page.objects.filter(id__in=ids)
            .defer_streamfields()
            .select_related("locale")
        }
        return [pages.get(str(id_)) for id_ in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        language = get_language()
        links = []
        for page in cls.get_many(attrs_list):
            if page is None:
                links.append("<a>")
                continue
            if page.locale.language_code != language:
                page = page.localized
            links.append(f'<a href="{escape(page.url)}">')
        return links
