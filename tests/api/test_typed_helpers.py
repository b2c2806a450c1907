"""The small typed helpers the API's views share: who the person asking is, one
page of a list, and whose requests the per-key rate limit counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.authentication import ClientPrincipal
from api.keys import credential_for_key
from api.pagination import ApiPagination
from api.permissions import request_person
from api.throttling import KeyRateThrottle
from tests.factories import UserFactory
from tests.factories.api import ApiClientFactory


def _request(path: str = "/", *, user: object = None, auth: object = None) -> Request:
    request = Request(APIRequestFactory().get(path))
    request.user = user if user is not None else AnonymousUser()
    request.auth = auth
    return request


def test_request_person_is_the_signed_in_person(db):
    person = UserFactory()
    assert request_person(_request(user=person)) == person


def test_request_person_refuses_anonymous_callers_and_app_keys(db):
    client = ApiClientFactory()
    for caller in (AnonymousUser(), ClientPrincipal(client)):
        with pytest.raises(exceptions.NotAuthenticated):
            request_person(_request(user=caller))


def test_page_is_the_asked_for_slice_of_the_list():
    paginator = ApiPagination()
    page = paginator.page(list(range(50)), _request("/?limit=5&offset=10"))
    assert page == [10, 11, 12, 13, 14]
    assert paginator.count == 50


def test_page_past_the_end_is_empty_and_the_default_size_applies():
    assert ApiPagination().page(list(range(3)), _request("/?offset=9")) == []
    assert len(ApiPagination().page(list(range(30)), _request())) == 20


def test_rate_limit_counts_per_app_key_and_not_for_people(db):
    client = ApiClientFactory()
    throttle = KeyRateThrottle()
    person = _request(user=UserFactory())
    app = _request(user=ClientPrincipal(client), auth=client)
    assert throttle.get_cache_key(person, view=None) is None
    assert client.prefix in (throttle.get_cache_key(app, view=None) or "")


def test_keys_find_their_own_kind_of_credential(db):
    client = ApiClientFactory()
    assert credential_for_key(client.key) == client
    _kind, prefix, secret = client.key.split("_", 2)
    assert credential_for_key(f"mlpt_{prefix}_{secret}") is None
    assert credential_for_key(f"other_{prefix}_{secret}") is None
