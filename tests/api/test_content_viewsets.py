"""Every typed content endpoint is a ContentViewSet that only declares its page
type: the shared shape (tag, language parameters) reaches each one's schema."""

import pytest

from api.content.views import ContentViewSet
from api.v1 import CONTENT_ROUTES

CONTENT_PREFIXES = [
    prefix
    for prefix, viewset, _basename in CONTENT_ROUTES
    if issubclass(viewset, ContentViewSet)
]


def test_every_page_type_endpoint_is_a_content_viewset():
    assert set(CONTENT_PREFIXES) >= {
        "pages",
        "programmes",
        "modules",
        "session-topics",
        "event-pages",
        "publications",
        "videos",
        "standard-pages",
    }


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from drf_spectacular.generators import SchemaGenerator

    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize("prefix", CONTENT_PREFIXES)
@pytest.mark.parametrize("suffix", ["", "{id}/"])
def test_list_and_detail_are_tagged_content_and_take_the_language(
    schema, prefix, suffix
):
    operation = schema["paths"][f"/api/v1/{prefix}/{suffix}"]["get"]

    assert operation["tags"] == ["content"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"locale", "fallback"} <= parameters
