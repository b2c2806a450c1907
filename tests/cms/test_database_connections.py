"""An app process keeps its database connection between requests (CONN_MAX_AGE,
health-checked), on SQLite as on PostgreSQL: a new SQLite connection parses the
whole schema at its first statement, a cost every request would pay again.

Requests go through Django's own WSGI handler, as gunicorn calls it (the test
client keeps connections open whatever the settings say), with committed data.
"""

import io
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.db.backends.signals import connection_created

from api.keys import personal_token_create, personal_token_revoke
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/api/v1/tokens/"


def wsgi_get(handler, path, *, key):
    """Status code of a GET through the full WSGI handler (all middleware)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_AUTHORIZATION": f"Bearer {key}",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
    }
    response = handler(environ, lambda status, headers, exc_info=None: None)
    response.close()  # as a WSGI server does: sends request_finished
    return response.status_code


@pytest.fixture
def opened():
    """The connections opened while the test runs."""
    found = []

    def count(sender, connection, **kwargs):
        found.append(connection)

    connection_created.connect(count)
    yield found
    connection_created.disconnect(count)


def test_requests_after_the_first_reuse_the_process_connection(opened):
    _token, key = personal_token_create(user=UserFactory(), name="phone")
    handler = WSGIHandler()
    assert wsgi_get(handler, URL, key=key) == 200
    first = connection.connection
    opened.clear()

    statuses = [wsgi_get(handler, URL, key=key) for _ in range(3)]

    assert statuses == [200, 200, 200]
    assert opened == []
    assert connection.connection is first


def test_a_kept_connection_still_sees_what_was_committed_since(opened):
    token, key = personal_token_create(user=UserFactory(), name="phone")
    handler = WSGIHandler()
    assert wsgi_get(handler, URL, key=key) == 200

    personal_token_revoke(token=token, user=token.user)

    assert wsgi_get(handler, URL, key=key) == 401
    assert opened == []
