"""The app under gunicorn and production settings: headers, static files, admin.

One gunicorn process serves the test database (committed data: transactional
tests) with Redis for cache and sessions; requests come in as from a load balancer
that terminated TLS (X-Forwarded-Proto: https).
"""

import re

import pytest
import requests
from bs4 import BeautifulSoup
from django.db import connection

from tests.factories.users import DEFAULT_PASSWORD, SuperUserFactory

from .servers import (
    GunicornServer,
    database_url,
    production_env,
    production_password,
)

HTTPS = {"X-Forwarded-Proto": "https", "Host": "learning.example.org"}


@pytest.fixture
def server(home_pages, redis_server, static_root, media_root):
    env = production_env(
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=redis_server.url,
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_MEDIA_ROOT=str(media_root),
    )
    server = GunicornServer(env).start()
    yield server
    server.stop()


def get(server, path, session=None, **kwargs):
    kwargs.setdefault("allow_redirects", False)
    return (session or requests).get(
        f"{server.url}{path}", headers=HTTPS, timeout=30, **kwargs
    )


def directives(response, name="Content-Security-Policy"):
    policy = response.headers[name]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


def inline_scripts(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        script
        for script in soup.find_all("script")
        if not script.get("src")
        and script.get("type", "text/javascript")
        in ("text/javascript", "module", "application/javascript")
    ]


def static_assets(html):
    soup = BeautifulSoup(html, "html.parser")
    urls = [tag["src"] for tag in soup.find_all("script", src=True)]
    urls += [
        tag["href"]
        for tag in soup.find_all("link", href=True)
        if "stylesheet" in tag.get("rel", [])
    ]
    return [url for url in urls if url.startswith("/static/")]


pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_pages_carry_the_security_headers(server):
    response = get(server, "/en/")

    assert response.status_code == 200, server.log_text()
    headers = response.headers
    assert headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # The strict policy does not break the site: it has no inline script.
    assert inline_scripts(response.text) == []


def test_plain_http_is_redirected_to_https(server):
    response = requests.get(
        f"{server.url}/en/",
        headers={"Host": "learning.example.org"},
        allow_redirects=False,
        timeout=30,
    )

    assert response.status_code == 301
    assert response.headers["Location"] == "https://learning.example.org/en/"


def test_static_files_have_hashed_names_and_are_cached_for_ever(server):
    page = get(server, "/en/")
    assets = static_assets(page.text)

    assert assets, "the home page links no static file"
    for url in assets:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", url), url
        response = get(server, url)
        assert response.status_code == 200, url
        assert "immutable" in response.headers["Cache-Control"]


def admin_session(server):
    """A requests session signed in to the admin through its login form."""
    admin = SuperUserFactory()
    type(admin).objects.filter(pk=admin.pk).update(
        password=production_password(DEFAULT_PASSWORD)
    )
    session = requests.Session()
    form = get(server, "/admin/login/", session)
    token = BeautifulSoup(form.text, "html.parser").find(
        "input", {"name": "csrfmiddlewaretoken"}
    )["value"]
    # The cookies are Secure (HTTPS behind the balancer): hand them over by name.
    cookies = dict(form.cookies)
    response = session.post(
        f"{server.url}/admin/login/",
        data={
            "username": admin.email,
            "password": DEFAULT_PASSWORD,
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        },
        headers={**HTTPS, "Referer": "https://learning.example.org/admin/login/"},
        cookies=cookies,
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:2000]
    cookies.update(response.cookies)
    return session, cookies


def test_the_admin_works_under_its_own_policy(server, home_pages):
    session, cookies = admin_session(server)

    for path in ("/admin/", f"/admin/pages/{home_pages['en'].pk}/edit/"):
        response = get(server, path, session, cookies=cookies)

        assert response.status_code == 200, (path, server.log_text()[-3000:])
        policy = directives(response)
        # Wagtail's admin has inline scripts and styles, and frames its previews.
        assert "'unsafe-inline'" in policy["script-src"]
        assert "'unsafe-inline'" in policy["style-src"]
        assert policy["frame-ancestors"] == ["'self'"]
        for url in static_assets(response.text):
            asset = get(server, url, session)
            assert asset.status_code == 200, url
