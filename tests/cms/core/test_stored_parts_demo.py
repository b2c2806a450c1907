"""Every live page of the demo site, in each of its languages (en, es, fr),
is the same page whether its parts come from their rows (cms/core/stored_parts.py)
and its blocks of learning data are kept (learning/core/kept_blocks.py), or
everything is rendered afresh."""

import re

from django.test import override_settings
from wagtail.models import Page

from cms.core.models import StoredPagePart

# A form's CSRF token is masked anew on every rendering.
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _html(client, url: str) -> str:
    with override_settings(SITE_PAGE_CACHE=False):
        response = client.get(url)
    assert response.status_code == 200, url
    return CSRF.sub("", response.content.decode())


def test_every_demo_page_from_its_rows_equals_a_fresh_render(demo_site, client):
    pages = Page.objects.live().filter(depth__gt=1).specific().order_by("path")
    languages, compared = set(), 0
    for page in pages:
        url = page.get_url()
        if not url:
            continue
        _html(client, url)  # stores the page's parts, keeps its blocks
        stored = _html(client, url)
        with override_settings(SITE_STORED_PARTS=False, LEARNING_KEPT_BLOCKS=False):
            fresh = _html(client, url)
        assert stored == fresh, url
        languages.add(page.locale.language_code)
        compared += 1

    assert {"en", "es", "fr"} <= languages
    assert StoredPagePart.objects.filter(language_code="fr").exists()
    assert compared > 80
