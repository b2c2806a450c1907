"""Pathological inputs the schema-driven run (tests/api/fuzzing.py) sends now
and then, kept as regular cases: long search strings, deep offsets, huge ids
and limits, and a garbage cursor. Each is answered in the documented way (a 200
or a 4xx in the API's error shape, never a 500) within a second of computing."""

import time

import pytest

from tests.api.roles import ANONYMOUS, COORDINATOR, caller

pytestmark = pytest.mark.django_db

ANSWER_SECONDS = 1.0
LONG_SEARCH = "ñandú " * 2_000
HUGE = 10**30
BEYOND_INT64 = 2**63

LISTS = [
    "/api/v1/pages/",
    "/api/v1/programmes/",
    "/api/v1/modules/",
    "/api/v1/session-topics/",
    "/api/v1/publications/",
    "/api/v1/videos/",
    "/api/v1/testimonials/",
    "/api/v1/event-pages/",
    "/api/v1/editions/",
    "/api/v1/events/",
    "/api/v1/info-sessions/",
    "/api/v1/calls/",
]
# The content lists take `search`.
SEARCHABLE = LISTS[:8]
DETAILS = [
    "/api/v1/pages/{id}/",
    "/api/v1/pages/{id}/breadcrumbs/",
    "/api/v1/programmes/{id}/",
    "/api/v1/editions/{id}/",
    "/api/v1/editions/{id}/calendar.ics",
    "/api/v1/editions/{id}/readiness/",
    "/api/v1/editions/{id}/registrations/",
    "/api/v1/events/{id}/",
    "/api/v1/info-sessions/{id}/",
    "/api/v1/calls/{id}/",
    "/api/v1/meetings/{id}/attendance/",
    "/api/v1/meetings/{id}/calendar.ics",
    "/api/v1/forum/threads/{id}/",
    "/api/v1/forum/threads/{id}/posts/",
    "/api/v1/mel/editions/{id}/indicators/",
    "/api/v1/me/surveys/{id}/",
]


def _get(world, actor, url, params=None):
    started = time.thread_time()
    response = caller(world, actor).get(url, params or {})
    spent = time.thread_time() - started
    assert response.status_code < 500, (url, params, response.status_code)
    assert spent < ANSWER_SECONDS, (url, params, spent)
    return response


def _assert_documented_error(response, status):
    assert response.status_code == status
    assert set(response.json()) == {"code", "message", "fields"}


# One test per kind of input, each over every URL it applies to: the world
# is built once per test, which costs more than the requests.


def test_a_long_search_string_is_answered(world, catalogue):
    for url in SEARCHABLE:
        response = _get(world, ANONYMOUS, url, {"search": LONG_SEARCH})

        assert response.status_code == 200, url
        assert response.json()["results"] == [], url


def test_a_deep_offset_is_an_empty_page_or_a_400(world, catalogue):
    for url in LISTS:
        for offset in (10**9, 2**62, BEYOND_INT64, HUGE):
            response = _get(world, COORDINATOR, url, {"offset": offset})

            if response.status_code == 200:
                assert response.json()["results"] == [], (url, offset)
            else:
                _assert_documented_error(response, 400)


def test_a_huge_limit_is_capped(world, catalogue):
    for url in LISTS:
        response = _get(world, COORDINATOR, url, {"limit": HUGE})

        if response.status_code == 200:
            assert len(response.json()["results"]) <= 100, url
        else:
            _assert_documented_error(response, 400)


def test_a_huge_or_negative_id_is_not_found(world):
    for template in DETAILS:
        for pk in (2**31, BEYOND_INT64, HUGE, -1):
            response = _get(world, COORDINATOR, template.format(id=pk))

            assert response.status_code in (400, 404), (template, pk)


def test_a_garbage_cursor_is_refused_not_a_500(world):
    threads = "/api/v1/forum/threads/"
    for cursor in ("!!", "cD0" * 3_000, "bz0xMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw"):
        response = _get(world, COORDINATOR, threads, {"cursor": cursor})

        if response.status_code != 200:
            _assert_documented_error(response, 400)
