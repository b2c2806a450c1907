"""Production queues background work in the database; `db_worker` runs it.

A password reset asked through gunicorn (production settings) queues its email
instead of sending it in the request; one `manage.py db_worker --batch` sends it.
"""

import pytest
import requests
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.factories.users import UserFactory

from .servers import GunicornServer, database_url, production_env, run_manage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def outbox(tmp_path):
    folder = tmp_path / "outbox"
    folder.mkdir()
    return folder


@pytest.fixture
def env(home_pages, redis_server, static_root, media_root, outbox):
    return production_env(
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=redis_server.url,
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_MEDIA_ROOT=str(media_root),
        DJANGO_SECURE_SSL_REDIRECT="0",
        # Four slashes: an absolute path for django-environ.
        EMAIL_URL=f"filemail:///{outbox}",
    )


def test_an_email_is_queued_by_the_app_and_sent_by_the_worker(env, outbox):
    user = UserFactory(email="maria@example.org")
    server = GunicornServer(env).start()
    try:
        session = requests.Session()
        url = f"{server.url}/en/accounts/password/reset/"
        session.get(url, timeout=30)
        response = session.post(
            url,
            data={
                "email": user.email,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            cookies={"csrftoken": session.cookies["csrftoken"]},
            allow_redirects=False,
            timeout=30,
        )
    finally:
        server.stop()
    assert response.status_code == 302, response.text[:2000]
    assert DBTaskResult.objects.count() == 1
    assert list(outbox.iterdir()) == []  # queued, not sent in the request

    worker = run_manage("db_worker", "--batch", "--no-startup-delay", env=env)

    assert worker.returncode == 0, worker.stdout + worker.stderr
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL", (result.status, worker.stdout + worker.stderr)
    (message,) = outbox.iterdir()
    assert "maria@example.org" in message.read_text()
