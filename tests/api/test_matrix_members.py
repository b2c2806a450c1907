"""Role and scope matrix of a person's own data, the forum and attendance marking.

These endpoints are for people only: anonymous callers and revoked keys get
401, apps' keys 403 `person_required` (whatever their scopes). Among people,
the forum is for members of the thread's edition (naming another edition: 403
`not_a_member`; another edition's thread or post: 404), and a meeting's
attendance sheet exists only for its edition's facilitators and coordinators.
"""

import pytest

from learning.forum.models import Thread
from tests.api.roles import (
    ACTORS,
    ANONYMOUS,
    CONTENT_CLIENT,
    COORDINATOR,
    FACILITATOR,
    LEARNING_CLIENT,
    PARTICIPANT_A,
    PARTICIPANT_B,
    REVOKED_KEY,
    caller,
)
from tests.factories.forum import PostFactory, ThreadFactory
from tests.factories.users import UserFactory

ME = ["/api/v1/me/", *(f"/api/v1/me/{n}/" for n in ("enrolments", "meetings"))]
ME += ["/api/v1/me/attendance/", "/api/v1/me/certificates/"]
THREADS = "/api/v1/forum/threads/"
THREAD = "/api/v1/forum/threads/{id}/"
POSTS = "/api/v1/forum/threads/{id}/posts/"
FOLLOW = "/api/v1/forum/threads/{id}/follow/"
POST = "/api/v1/forum/posts/{id}/"
FLAG = "/api/v1/forum/posts/{id}/flag/"
SHEET = "/api/v1/meetings/{id}/attendance/"

MEMBER_READ = {
    PARTICIPANT_A: 200,
    PARTICIPANT_B: 404,
    FACILITATOR: 200,
    COORDINATOR: 200,
}
# Expected status per operation for people (edition A's objects throughout).
PEOPLE_EXPECTED = {
    **{("GET", path): dict.fromkeys(MEMBER_READ, 200) for path in ME},
    ("GET", THREADS): MEMBER_READ | {PARTICIPANT_B: 403},
    ("GET", THREAD): MEMBER_READ,
    ("GET", POSTS): MEMBER_READ,
    ("POST", POSTS): {k: 201 if v == 200 else v for k, v in MEMBER_READ.items()},
    ("POST", FOLLOW): MEMBER_READ,
    ("DELETE", FOLLOW): {k: 204 if v == 200 else v for k, v in MEMBER_READ.items()},
    # A post of participant A: only its author edits it.
    ("PATCH", POST): MEMBER_READ | {FACILITATOR: 403, COORDINATOR: 403},
    # A post of someone else: every member may flag it.
    ("POST", FLAG): {k: 201 if v == 200 else v for k, v in MEMBER_READ.items()},
    ("GET", SHEET): MEMBER_READ | {PARTICIPANT_A: 404},
    ("POST", SHEET): MEMBER_READ | {PARTICIPANT_A: 404},
}
COVERED = set(PEOPLE_EXPECTED)
CODES = {
    (("GET", THREADS), PARTICIPANT_B): "not_a_member",
    (("PATCH", POST), FACILITATOR): "not_the_author",
    (("PATCH", POST), COORDINATOR): "not_the_author",
}


def _expected(operation, actor):
    if actor in (ANONYMOUS, REVOKED_KEY):
        return 401, None
    if actor in (CONTENT_CLIENT, LEARNING_CLIENT):
        return 403, "person_required"
    return PEOPLE_EXPECTED[operation][actor], CODES.get((operation, actor))


def _thread(world) -> Thread:
    return ThreadFactory(edition=world.edition_a, title="Listening")


def _call(api, world, operation):
    method, path = operation
    thread = _thread(world)
    query, data = {}, None
    if path == THREADS:
        query = {"edition": world.edition_a.pk}
    elif path == POSTS and method == "POST":
        data = {"body": "An answer"}
    elif path == POST:
        thread_post = PostFactory(thread=thread, author=world.participant_a.user)
        path, data = path.replace("{id}", str(thread_post.pk)), {"body": "Edited"}
    elif path == FLAG:
        thread_post = PostFactory(thread=thread, author=UserFactory())
        path, data = path.replace("{id}", str(thread_post.pk)), {"reason": "spam"}
    elif path == SHEET:
        path = path.replace("{id}", str(world.meeting_a.pk))
        if method == "POST":
            marks = [{"participant": world.participant_a.pk, "status": "present"}]
            data = {"marks": marks}
    url = path.replace("{id}", str(thread.pk))
    if method == "GET":
        return api.get(url, query)
    return getattr(api, method.lower())(url, data, format="json")


@pytest.mark.parametrize("actor", ACTORS)
def test_every_members_operation_answers_as_the_matrix_says(world, actor):
    api = caller(world, actor)
    answered, expected = {}, {}
    for operation in PEOPLE_EXPECTED:
        response = _call(api, world, operation)
        code = response.json()["code"] if response.status_code >= 400 else None
        status, expected_code = _expected(operation, actor)
        answered[operation] = (response.status_code, expected_code and code)
        expected[operation] = (status, expected_code)

    assert answered == expected
