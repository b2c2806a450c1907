"""Role and scope matrix of the content and token endpoints.

Content is public: anyone may read it; a key must carry `content:read` (a
learning-only key gets 403), a revoked key 401. Drafts and private pages are
absent for every caller, coordinators included. Tokens belong to people.
"""

import pytest

from api.models import PersonalToken
from tests.api.roles import (
    ACTORS,
    ANONYMOUS,
    CONTENT_CLIENT,
    LEARNING_CLIENT,
    PARTICIPANT_A,
    PEOPLE,
    REVOKED_KEY,
    caller,
)
from tests.factories.events import EventPageFactory
from tests.factories.pages import (
    PublicationPageFactory,
    StandardPageFactory,
    VideoPageFactory,
)
from tests.factories.snippets import TestimonialFactory as make_testimonial

CONTENT_GETS = [
    "/api/v1/pages/",
    "/api/v1/pages/{id}/",
    "/api/v1/pages/{id}/breadcrumbs/",
    "/api/v1/pages/find/",
    "/api/v1/navigation/",
    "/api/v1/programmes/",
    "/api/v1/programmes/{id}/",
    "/api/v1/modules/",
    "/api/v1/modules/{id}/",
    "/api/v1/session-topics/",
    "/api/v1/session-topics/{id}/",
    "/api/v1/event-pages/",
    "/api/v1/event-pages/{id}/",
    "/api/v1/publications/",
    "/api/v1/publications/{id}/",
    "/api/v1/videos/",
    "/api/v1/videos/{id}/",
    "/api/v1/standard-pages/",
    "/api/v1/standard-pages/{id}/",
    "/api/v1/testimonials/",
    "/api/v1/testimonials/{id}/",
]
COVERED = {("GET", path) for path in CONTENT_GETS} | {
    ("GET", "/api/v1/tokens/"),
    ("POST", "/api/v1/tokens/"),
    ("DELETE", "/api/v1/tokens/{id}/"),
}


def _content_status(actor):
    if actor == REVOKED_KEY:
        return 401
    if actor == LEARNING_CLIENT:
        return 403
    return 200


@pytest.fixture
def content(catalogue, home_pages):
    publication = PublicationPageFactory(parent__parent=home_pages["en"])
    video = VideoPageFactory(parent__parent=home_pages["en"])
    standard = StandardPageFactory(parent=home_pages["en"], slug="about")
    ids = {
        "/api/v1/pages/": catalogue.module.pk,
        "/api/v1/programmes/": catalogue.programme.pk,
        "/api/v1/modules/": catalogue.module.pk,
        "/api/v1/session-topics/": catalogue.topic.pk,
        "/api/v1/event-pages/": EventPageFactory(parent__parent=catalogue.index).pk,
        "/api/v1/publications/": publication.pk,
        "/api/v1/videos/": video.pk,
        "/api/v1/standard-pages/": standard.pk,
        "/api/v1/testimonials/": make_testimonial().pk,
    }
    return catalogue, ids


def _url(template, ids):
    if "{id}" not in template:
        return template
    base = template.split("{id}")[0]
    return template.replace("{id}", str(ids[base]))


@pytest.mark.parametrize("actor", ACTORS)
def test_content_endpoints_by_caller(world, content, actor):
    _catalogue, ids = content
    api = caller(world, actor)
    params = {"/api/v1/pages/find/": {"path": "/es/programas/aprendizaje-mutuo/"}}

    statuses = {
        path: api.get(_url(path, ids), params.get(path, {})).status_code
        for path in CONTENT_GETS
    }

    assert statuses == {path: _content_status(actor) for path in CONTENT_GETS}


@pytest.mark.parametrize("actor", ACTORS)
def test_drafts_and_private_pages_are_absent_for_every_caller(world, content, actor):
    catalogue, _ids = content
    api = caller(world, actor)
    expected = _content_status(actor)
    hidden = [catalogue.draft_module, catalogue.private_module, catalogue.private_topic]

    for page in hidden:
        for endpoint in ("pages", "modules", "session-topics"):
            detail = api.get(f"/api/v1/{endpoint}/{page.pk}/")
            assert detail.status_code == (404 if expected == 200 else expected)
    listing = api.get("/api/v1/pages/", {"limit": 100})
    found = api.get(
        "/api/v1/pages/find/", {"path": "/en/programmes/mutual-learning/members/"}
    )

    assert listing.status_code == expected
    if expected == 200:
        titles = {item["title"] for item in listing.json()["results"]}
        assert titles.isdisjoint({"Secret draft", "Members only", "Hidden topic"})
        assert found.status_code == 404


@pytest.mark.parametrize("actor", ACTORS)
def test_token_endpoints_by_caller(world, actor):
    api = caller(world, actor)
    own = PersonalToken.objects.filter(user=world.participant_a.user).first()

    listed = api.get("/api/v1/tokens/").status_code
    wrong_password = api.post(
        "/api/v1/tokens/",
        {"email": "participant-a@example.org", "password": "not it"},
        format="json",
    ).status_code
    revoked = api.delete(f"/api/v1/tokens/{own.pk}/").status_code

    if actor == ANONYMOUS:
        expected = (401, 401, 401)
    elif actor == REVOKED_KEY:
        expected = (401, 401, 401)
    elif actor in (CONTENT_CLIENT, LEARNING_CLIENT):
        expected = (403, 401, 403)
    elif actor == PARTICIPANT_A:
        expected = (200, 401, 204)
    else:
        assert actor in PEOPLE
        expected = (200, 401, 404)
    assert (listed, wrong_password, revoked) == expected
