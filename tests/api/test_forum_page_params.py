"""The thread page's shortcuts (api/learning/pagination.py, serializers_fields.py)
answer as the serializers they stand in for: the same (cursor, limit) or the
same refusal, the same UTC times."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.learning.pagination import CursorQuerySerializer, cursor_params
from api.learning.serializers_fields import UtcDateTimeField, utc_iso
from learning.core.paging import cursor_encode

CURSOR = cursor_encode(["2026-03-04T05:06:07.123456+00:00", 12345])


def _request(query):
    return Request(APIRequestFactory().get("/posts/", query))


def _serializer_answer(query):
    serializer = CursorQuerySerializer(data=_request(query).query_params)
    if not serializer.is_valid():
        return "refused", sorted(serializer.errors)
    return serializer.validated_data["cursor"], serializer.validated_data["limit"]


def _answer(query):
    try:
        return cursor_params(_request(query))
    except exceptions.ValidationError as error:
        return "refused", sorted(error.detail)


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"limit": "20"},
        {"limit": "007"},
        {"limit": "100"},
        {"limit": ""},
        {"limit": "0"},
        {"limit": "101"},
        {"limit": "-1"},
        {"limit": "2.0"},
        {"limit": " 5 "},
        {"limit": "\u0664"},  # an Arabic-Indic four
        {"limit": "ten"},
        {"cursor": CURSOR, "limit": "20"},
        {"cursor": ""},
        {"cursor": " " + CURSOR + " "},
        {"cursor": "not-a-cursor!"},
        {"cursor": "a\x00b"},
        {"cursor": "x" * 512},
        {"cursor": "x" * 513},
    ],
)
def test_the_page_parameters_are_read_as_the_serializer_reads_them(query):
    assert _answer(query) == _serializer_answer(query)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC),
        datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC),
        datetime(2026, 3, 4, 23, 30, tzinfo=ZoneInfo("America/Bogota")),
        datetime(2026, 3, 4, 1, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    ],
)
def test_utc_times_are_written_as_the_field_writes_them(value):
    assert utc_iso(value) == UtcDateTimeField().to_representation(value)
    assert utc_iso(value).endswith("Z")
