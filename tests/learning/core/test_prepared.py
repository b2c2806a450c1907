"""Queries compiled once and run with new values (learning/core/prepared.py):
the same rows as the QuerySet, whatever the values, shape by shape."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model

from learning.core.prepared import PreparedValues, instance_from_values, model_columns
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

JOINED = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


def _joined_before(shape, *, email, moment):
    users = get_user_model().objects.filter(date_joined__lt=moment)
    if shape == "by_email":
        users = users.filter(email=email)
    return users.order_by("pk").values("pk", "email", "date_joined", "is_active")


@pytest.fixture
def people():
    return [
        UserFactory(email=f"p{i}@example.org", date_joined=JOINED + timedelta(days=i))
        for i in range(3)
    ]


@pytest.mark.parametrize("shape", ["by_email", "all"])
@pytest.mark.parametrize("days", [0, 1, 3])
def test_rows_equal_the_querysets_for_every_value(people, shape, days):
    prepared = PreparedValues(_joined_before, slots={"email": str, "moment": datetime})
    moment = JOINED + timedelta(days=days)
    # Run with other values first: the second run must not keep them.
    prepared.run(shape=shape, email="p2@example.org", moment=JOINED + timedelta(9))

    rows = prepared.run(shape=shape, email="p1@example.org", moment=moment)

    expected = list(_joined_before(shape, email="p1@example.org", moment=moment))
    assert rows == expected
    assert all(row["date_joined"].tzinfo is not None for row in rows)


def test_it_is_compiled_once_per_shape(people, django_assert_num_queries):
    built = []

    def build(shape, *, email, moment):
        built.append(shape)
        return _joined_before(shape, email=email, moment=moment)

    prepared = PreparedValues(build, slots={"email": str, "moment": datetime})
    with django_assert_num_queries(4):
        for email in ("p0@example.org", "p2@example.org"):
            for shape in ("by_email", "all"):
                prepared.run(shape=shape, email=email, moment=JOINED + timedelta(9))

    assert built == ["by_email", "all"]


def test_a_value_written_into_the_sql_is_refused(people):
    def build(shape, *, email):
        # extra() writes the value into the SQL text: it could not be swapped.
        where = [f"email = '{email}'"]
        return get_user_model().objects.extra(where=where).values("pk")  # noqa: S610

    with pytest.raises(ValueError, match="email"):
        PreparedValues(build, slots={"email": str}).run(email="p0@example.org")


def test_instances_load_as_a_queryset_loads_them(people):
    user_model = get_user_model()
    row = user_model.objects.filter(pk=people[1].pk).values(*model_columns(user_model))

    user = instance_from_values(user_model, row[0])

    assert user == people[1]
    assert user.email == "p1@example.org"
    assert not user._state.adding


def _joined_before_in_order(shape, *, moment):
    users = get_user_model().objects.filter(date_joined__lt=moment)
    return users.order_by("pk").values("pk")


@pytest.mark.parametrize(("limit", "offset"), [(2, 0), (2, 1), (1, 2), (5, 3)])
def test_a_page_of_rows_and_their_count_share_one_compiled_query(people, limit, offset):
    prepared = PreparedValues(_joined_before_in_order, slots={"moment": datetime})
    moment = JOINED + timedelta(days=9)

    rows = prepared.run(limit=limit, offset=offset, moment=moment)

    everyone = list(_joined_before_in_order((), moment=moment))
    assert rows == everyone[offset : offset + limit]
    assert prepared.count(moment=moment) == 3
    assert prepared.count(moment=JOINED + timedelta(days=1)) == 1


def test_the_run_arguments_cannot_name_a_slot():
    with pytest.raises(ValueError, match="slot"):
        PreparedValues(_joined_before, slots={"limit": int})
