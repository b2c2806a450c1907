"""`manage.py check --deploy` is clean under production settings and environment."""

import pytest
from django.db import connection

from .servers import database_url, production_env, run_manage


# A reachable database and Redis: the API schema's check reads both.
@pytest.mark.django_db
def test_check_deploy_reports_nothing_with_a_production_environment(redis_server):
    env = production_env(
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=redis_server.url,
    )

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_allowed_hosts():
    env = production_env()
    del env["DJANGO_ALLOWED_HOSTS"]

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set in production" in result.stderr


def test_production_runs_tasks_in_the_database_and_sessions_in_redis():
    env = production_env(REDIS_URL="redis://cache.internal:6379/0")
    script = (
        "from django.conf import settings as s;"
        "print(s.TASKS['default']['BACKEND']);"
        "print(s.SESSION_ENGINE);"
        "print(s.CACHES['default']['BACKEND'])"
    )

    result = run_manage("shell", "--no-imports", "-c", script, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_tasks_db.DatabaseBackend",
        "django.contrib.sessions.backends.cached_db",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_the_worker_command_exists_under_production_settings():
    result = run_manage("db_worker", "--help", env=production_env())

    assert result.returncode == 0, result.stderr
    assert "--queue-name" in result.stdout
