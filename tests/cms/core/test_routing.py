"""Routing in three queries (cms/core/routing.py) finds the page Wagtail's own
routing finds, in every language, and leaves every other case to Wagtail."""

import pytest
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from cms.core.routing import page_route

PAGES = ["home", "programme_index", "programme", "module", "session_topic"]


def _request_and_path(page):
    """A request for page's URL, and the path Wagtail's serve gets (no prefix)."""
    url = page.url
    request = RequestFactory().get(url)
    return request, url.split("/", 2)[2]


def _wagtail_route(request, path):
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    return site.root_page.localized.specific.route(request, components)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", PAGES)
def test_finds_the_page_wagtail_finds(page_of, name, language):
    page = page_of(name, language)
    request, path = _request_and_path(page)

    with translation.override(language):
        with CaptureQueriesContext(connection) as queries:
            ours = page_route(request, path)
        theirs = _wagtail_route(request, path)

    assert ours is not None
    assert (type(ours[0]), ours[0].pk) == (type(theirs[0]), theirs[0].pk)
    assert (ours[1], ours[2]) == (theirs[1], theirs[2])
    # Site, root, the way, its view restrictions (ancestors, restrictions) and
    # the specific row; once per content generation.
    assert len(queries.captured_queries) <= 6


def test_leaves_an_unpublished_or_missing_page_to_wagtail(client, page_of):
    module = page_of("module")
    request, path = _request_and_path(module)
    module.unpublish()

    with translation.override("en"):
        assert page_route(request, path) is None
        assert page_route(request, path + "no-such-page/") is None
    assert client.get(module.url).status_code == 404


def test_a_page_under_an_unpublished_one_is_still_served(client, page_of):
    """As Wagtail routes: only the page itself must be live."""
    topic = page_of("session_topic")
    request, path = _request_and_path(topic)
    page_of("module").unpublish()

    with translation.override("en"):
        assert page_route(request, path).page.pk == topic.pk
    assert client.get(topic.url).status_code == 200


@override_settings(SITE_PAGE_CACHE=False)
@pytest.mark.parametrize("restricted", ["module", "programme"])
def test_a_view_restriction_added_after_the_route_was_kept_holds(
    client, page_of, restricted
):
    """The route notes that no restriction applies, so that serving skips
    Wagtail's two queries; a restriction on the page or an ancestor ends that."""
    module = page_of("module")
    assert client.get(module.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(module.url).status_code == 200
    assert not any("pageviewrestriction" in q["sql"] for q in queries)

    PageViewRestriction.objects.create(
        page=page_of(restricted), restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(module.url).status_code == 302  # to sign in
    assert client.get(module.url).status_code == 302
