"""sitemap.xml lists both languages with hreflang alternates; robots.txt names it."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def sitemap(client, page_of):
    """{location: {hreflang: href}} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_pages_of_both_languages(sitemap, page_of):
    for name in ("home", "programme", "session_topic", "publication", "video"):
        assert page_of(name, "en").full_url in sitemap
        assert page_of(name, "es").full_url in sitemap


def test_sitemap_gives_each_translation_its_alternates(sitemap, page_of):
    module_en, module_es = page_of("module"), page_of("module", "es")
    expected = {
        "en": module_en.full_url,
        "es": module_es.full_url,
        "x-default": module_en.full_url,
    }

    assert sitemap[module_en.full_url] == expected
    assert sitemap[module_es.full_url] == expected


def test_a_page_in_one_language_has_no_alternates(sitemap, page_of):
    assert sitemap[page_of("english_only").full_url] == {}


def test_sitemap_leaves_out_drafts(client, page_of):
    page = page_of("standard", "es")
    page.unpublish()

    assert page.full_url not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_keeps_crawlers_out_of_admin_and_api(client):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Disallow: /api/" in body
    assert "Disallow: /calendar/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
