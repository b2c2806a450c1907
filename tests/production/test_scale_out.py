"""Two app processes, one PostgreSQL, one S3, one Redis: any process serves anyone.

Two gunicorn servers on loopback ports run the production settings on the test
database (transactional test: their writes and ours are committed), media in a
moto S3 bucket and cache and sessions in one redis-server. The client keeps its
cookies across them, as a browser behind a load balancer would.
"""

import uuid

import pytest
import redis
import requests
from django.db import connection
from wagtail.documents.models import Document
from wagtail.models import Collection

from tests.factories.users import DEFAULT_PASSWORD, SuperUserFactory, UserFactory
from tests.storage.moto_server import MotoServer, create_bucket, s3_env

from .servers import (
    Browser,
    GunicornServer,
    database_url,
    production_env,
    production_password,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HTTPS = {"X-Forwarded-Proto": "https", "Host": "learning.example.org"}


@pytest.fixture(scope="module")
def moto_s3():
    with MotoServer() as server:
        yield server


@pytest.fixture
def servers(home_pages, redis_server, moto_s3, static_root):
    bucket = f"media-{uuid.uuid4().hex[:12]}"
    create_bucket(moto_s3.endpoint_url, bucket)
    env = production_env(
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=redis_server.url,
        DJANGO_STATIC_ROOT=str(static_root),
        # Plain HTTP between the test and the loopback servers.
        DJANGO_SECURE_SSL_REDIRECT="0",
        **s3_env(moto_s3.endpoint_url, bucket),
    )
    first, second = GunicornServer(env), GunicornServer(env)
    try:
        yield first.start(), second.start()
    finally:
        first.stop()
        second.stop()


def with_production_password(user):
    type(user).objects.filter(pk=user.pk).update(
        password=production_password(DEFAULT_PASSWORD)
    )
    return user


def sign_in(browser, server, login_path, email):
    try:
        response = browser.post_form(
            f"{server.url}{login_path}",
            {"username": email, "password": DEFAULT_PASSWORD},
        )
    except AssertionError as error:
        raise AssertionError(server.log_text()[-4000:]) from error
    assert response.status_code == 302, response.text[:1000]


def test_a_session_started_on_one_process_is_valid_on_the_other(servers, redis_server):
    first, second = servers
    user = with_production_password(UserFactory(email="maria@example.org"))
    browser = Browser(HTTPS)

    sign_in(browser, first, "/en/accounts/sign-in/", user.email)

    response = browser.get(f"{second.url}/en/accounts/profile/")
    assert response.status_code == 200
    assert user.email in response.text
    # Read from the shared Redis (and written through to the database).
    session_key = browser.cookies["sessionid"].encode()
    keys = redis.Redis.from_url(redis_server.url).keys("*")
    assert any(session_key in key for key in keys)


def test_an_upload_through_one_process_downloads_through_the_other(servers):
    first, second = servers
    admin = with_production_password(SuperUserFactory())
    browser = Browser(HTTPS)
    sign_in(browser, first, "/admin/login/", admin.email)
    content = b"%PDF-1.4 minutes of the first meeting"

    page = browser.get(f"{first.url}/admin/documents/multiple/add/")
    assert page.status_code == 200
    response = browser.post_form(
        f"{first.url}/admin/documents/add/",
        {"title": "Minutes", "collection": str(Collection.get_first_root_node().pk)},
        files={"file": ("minutes.pdf", content, "application/pdf")},
    )
    assert response.status_code == 302, response.text[:2000]

    document = Document.objects.get(title="Minutes")
    served = browser.get(f"{second.url}{document.url}")
    # Wagtail checks the collection's privacy, then redirects to the bucket.
    assert served.status_code == 302
    assert served.headers["Location"].startswith("http://127.0.0.1:")
    assert requests.get(served.headers["Location"], timeout=30).content == content


def test_a_page_published_through_one_process_is_fresh_on_the_other(
    servers, home_pages
):
    first, second = servers
    admin = with_production_password(SuperUserFactory())
    home = home_pages["en"]
    api_url = f"{second.url}/api/v2/pages/{home.pk}/"
    assert requests.get(api_url, headers=HTTPS, timeout=30).json()["title"] == "Home"
    draft = home.specific
    draft.title = "Welcome home"
    draft.save_revision()
    browser = Browser(HTTPS)
    sign_in(browser, first, "/admin/login/", admin.email)

    response = browser.post_form(
        f"{first.url}/admin/bulk/wagtailcore/page/publish/?id={home.pk}", {}
    )

    assert response.status_code == 302, response.text[:2000]
    assert requests.get(api_url, headers=HTTPS, timeout=30).json()["title"] == (
        "Welcome home"
    )
    page = requests.get(f"{second.url}/en/", headers=HTTPS, timeout=30)
    assert "Welcome home" in page.text
