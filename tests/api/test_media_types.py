"""Publications and videos: documents with URLs, images with named renditions,
year and topic filters, and list query counts with related objects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.caching import content_generation_bump
from tests.factories import (
    ImageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    PublicationPageTopicFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.snippets import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publications(home_pages):
    index = PublicationIndexPageFactory(parent=home_pages["en"], slug="publications")
    old = PublicationPageFactory(parent=index, title="Old", year=2019)
    new = PublicationPageFactory(parent=index, title="New", year=2024)
    PublicationPageTopicFactory(page=new, topic=TopicFactory(name="Care", slug="care"))
    return old, new


def test_publication_document_authors_and_filters(api, publications):
    old, _new = publications
    response = api.get("/api/v1/publications/?year=2024")
    [item] = response.json()["results"]
    assert item["title"] == "New"
    assert item["authors"] == ["Ana Pérez", "John Smith"]
    assert item["topics"] == [
        {"id": item["topics"][0]["id"], "name": "Care", "slug": "care"}
    ]
    assert item["document"]["url"].startswith("http://testserver/documents/")
    assert [
        r["title"]
        for r in api.get("/api/v1/publications/?topic=care").json()["results"]
    ] == ["New"]
    detail = api.get(f"/api/v1/publications/{old.pk}/").json()
    assert detail["summary"] == "<p>What the publication finds.</p>"


def test_video_poster_has_named_renditions(api, home_pages):
    index = VideoIndexPageFactory(parent=home_pages["en"], slug="videos")
    VideoPageFactory(parent=index, title="Talk", poster_image=ImageFactory())
    [item] = api.get("/api/v1/videos/").json()["results"]
    renditions = item["poster_image"]["renditions"]
    assert set(renditions) == {"thumbnail", "card", "hero"}
    assert renditions["thumbnail"]["url"].startswith("http://testserver/")
    assert len({r["url"] for r in renditions.values()}) == 3


def _count(api, url):
    api.get(url)  # renditions are made on first use
    content_generation_bump()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


def test_video_and_publication_lists_cost_the_same_for_more_items(api, home_pages):
    videos = VideoIndexPageFactory(parent=home_pages["en"], slug="videos")
    publications = PublicationIndexPageFactory(parent=home_pages["en"], slug="pubs")
    for n in range(3):
        VideoPageFactory(parent=videos, poster_image=ImageFactory(), slug=f"v{n}")
        page = PublicationPageFactory(parent=publications, slug=f"p{n}")
        PublicationPageTopicFactory(page=page)
    few = (_count(api, "/api/v1/videos/"), _count(api, "/api/v1/publications/"))
    for n in range(3, 12):
        VideoPageFactory(parent=videos, poster_image=ImageFactory(), slug=f"v{n}")
        page = PublicationPageFactory(parent=publications, slug=f"p{n}")
        PublicationPageTopicFactory(page=page)
    more = (_count(api, "/api/v1/videos/"), _count(api, "/api/v1/publications/"))
    assert few == more
