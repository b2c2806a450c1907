"""A body over the limit is refused from its Content-Length, before it is read.

The request's stream records whether anything touched it, so each 413 here proves
the refusal came from the header alone (cms/core/request_limits.py).
"""

import io

import pytest
from django.test import Client
from django.utils import translation

LIMIT = 50_000


class RecordingStream(io.RawIOBase):
    """An empty request body that remembers whether anyone read it."""

    def __init__(self) -> None:
        self.touched = False

    def read(self, *args) -> bytes:
        self.touched = True
        return b""

    readline = read


def post(client: Client, path: str, length: int, **extra):
    """POST `length` bytes (as announced); the response and whether they were read.

    A CSRF cookie makes CsrfViewMiddleware read the form, as for any real post.
    """
    stream = RecordingStream()
    client.cookies["csrftoken"] = "a" * 32
    response = client.generic(
        "POST",
        path,
        # Set by hand: the test client sets the type only with a body of its own.
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": stream, **extra},
    )
    return response, stream.touched


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=True)


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.REQUEST_BODY_MAX_BYTES = LIMIT
    settings.ADMIN_REQUEST_BODY_MAX_BYTES = LIMIT * 10


@pytest.mark.django_db
def test_a_site_form_over_the_limit_gets_the_too_large_page_unread(client):
    response, read = post(client, "/en/materials/1/shared/", LIMIT + 1)

    assert response.status_code == 413
    assert "larger than the site accepts" in response.content.decode()
    assert not read


@pytest.mark.django_db
def test_the_too_large_page_is_in_the_language_of_the_address(client):
    response, _read = post(client, "/es/materials/1/shared/", LIMIT + 1)

    assert response.status_code == 413
    with translation.override("es"):
        expected = translation.gettext(
            "What you sent is larger than the site accepts. Please shorten it and "
            "try again."
        )
    assert expected in response.content.decode()
    assert "larger than the site accepts" not in response.content.decode()


@pytest.mark.django_db
def test_the_api_answers_in_its_error_shape_unread(client):
    response, read = post(client, "/api/v1/forum/threads/1/posts/", LIMIT + 1)

    assert response.status_code == 413
    assert not read
    assert response.json()["code"] == "request_too_large"
    assert set(response.json()) == {"code", "message", "fields"}


@pytest.mark.django_db
def test_the_api_message_follows_the_request_language(client):
    response, _read = post(
        client,
        "/api/v1/forum/threads/1/posts/",
        LIMIT + 1,
        HTTP_ACCEPT_LANGUAGE="es",
    )

    with translation.override("es"):
        expected = translation.gettext("The request body is too large.")
    assert expected != "The request body is too large."
    assert response.json()["message"] == expected


@pytest.mark.django_db
def test_the_admin_takes_larger_bodies_for_documents_and_videos(client):
    refused, read = post(client, "/admin/documents/multiple/add/", LIMIT * 10 + 1)
    assert (refused.status_code, read) == (413, False)

    # Within the admin's limit the request goes on, and the form is read.
    _response, read = post(client, "/admin/documents/multiple/add/", LIMIT + 1)
    assert read


@pytest.mark.django_db
def test_a_body_within_the_limit_is_read_as_usual(client):
    response, read = post(client, "/en/materials/1/shared/", LIMIT)

    assert response.status_code != 413
    assert read


def test_the_default_limits_follow_the_upload_settings():
    limits = base_settings()

    assert limits["REQUEST_BODY_MAX_BYTES"] > limits["LEARNING_MATERIAL_MAX_BYTES"]
    assert limits["ADMIN_REQUEST_BODY_MAX_BYTES"] > max(
        limits["WAGTAILDOCS_MAX_UPLOAD_SIZE"], limits["WAGTAILIMAGES_MAX_UPLOAD_SIZE"]
    )


def base_settings() -> dict:
    from cms.settings import base

    return vars(base)
