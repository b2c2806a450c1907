"""signed_in_user: the actor a view hands to a service is a real account."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from learning.core.types import signed_in_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_in_request_gives_its_user():
    user = UserFactory()
    request = RequestFactory().get("/")
    request.user = user

    assert signed_in_user(request) == user


def test_an_anonymous_request_is_refused_rather_than_passed_on():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    with pytest.raises(PermissionDenied):
        signed_in_user(request)
