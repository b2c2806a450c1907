"""The key lookup every API request with a key makes (api/keys.py): one query
compiled once per process, the secret compared in constant time, a revoked key
or a deactivated person refused on the very next request, and the last use
written at most once per LAST_USED_EVERY."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.keys import LAST_USED_EVERY, personal_token_create, personal_token_revoke
from api.models import PersonalToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/tokens/"


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def issued():
    return personal_token_create(user=UserFactory(), name="phone")


def test_a_token_is_refused_on_the_request_after_its_revocation(api, issued):
    token, key = issued
    assert api.get(URL, **bearer(key)).status_code == 200

    personal_token_revoke(token=token, user=token.user)
    response = api.get(URL, **bearer(key))

    assert response.status_code == 401
    assert response.json()["code"] == "key_revoked"


def test_a_deactivated_person_is_refused_on_the_next_request(api, issued):
    token, key = issued
    assert api.get(URL, **bearer(key)).status_code == 200

    token.user.is_active = False
    token.user.save(update_fields=["is_active"])
    response = api.get(URL, **bearer(key))

    assert response.status_code == 401
    assert response.json()["code"] == "key_invalid"


@pytest.mark.parametrize("broken", ["secret", "prefix", "kind"])
def test_a_wrong_part_of_a_key_is_refused(api, issued, broken):
    _token, key = issued
    kind, prefix, secret = key.split("_", 2)
    changed = {
        "secret": f"{kind}_{prefix}_{secret[:-2]}xx",
        "prefix": f"{kind}_{prefix[:-2]}00_{secret}",
        "kind": f"mlpk_{prefix}_{secret}",
    }[broken]

    response = api.get(URL, **bearer(changed))

    assert response.status_code == 401
    assert response.json()["code"] == "key_invalid"


def _updates(api, key):
    with CaptureQueriesContext(connection) as context:
        assert api.get(URL, **bearer(key)).status_code == 200
    return [q["sql"] for q in context.captured_queries if q["sql"].startswith("UPDATE")]


def test_the_last_use_is_written_at_most_once_per_interval(api, issued):
    token, key = issued
    assert len(_updates(api, key)) == 1  # first use
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None

    assert _updates(api, key) == []
    recent = timezone.now() - LAST_USED_EVERY + timedelta(seconds=30)
    PersonalToken.objects.filter(pk=token.pk).update(last_used_at=recent)
    assert _updates(api, key) == []
    token.refresh_from_db()
    assert token.last_used_at == recent

    stale = timezone.now() - LAST_USED_EVERY - timedelta(seconds=1)
    PersonalToken.objects.filter(pk=token.pk).update(last_used_at=stale)
    assert len(_updates(api, key)) == 1
    token.refresh_from_db()
    assert token.last_used_at > stale + LAST_USED_EVERY


def test_a_keyed_request_looks_the_key_up_in_one_query(api, issued):
    _token, key = issued
    api.get(URL, **bearer(key))  # writes the first use

    with CaptureQueriesContext(connection) as context:
        api.get(URL, **bearer(key))

    lookups = [q for q in context.captured_queries if "api_personaltoken" in q["sql"]]
    # The token and its person in one SELECT; the endpoint lists the tokens.
    assert len(lookups) == 2
    assert '"users_user"' in lookups[0]["sql"]
