"""`make run`'s processes (Procfile.dev under honcho) do what is due by themselves.

The same supervisor and process definitions as `make run` (web, worker, clock)
run on the test database with the development settings, without the demo. A
short tick and five-second schedules (settings, through the environment) keep
it short: nobody runs a command, yet a failed webhook delivery is retried and a
page scheduled ahead goes live, at its time and not before.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from api.webhooks.models import DeliveryStatus, Event, WebhookDelivery
from learning.scheduling.models import JobRun
from tests.factories import StandardPageFactory
from tests.production.servers import LEAKY_ENV, database_url, free_port

pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parents[3]
HONCHO = Path(sys.executable).with_name("honcho")
EVERY_5_SECONDS = "* * * * * */5"


def make_run_env(port: int) -> dict[str, str]:
    """What `make run` sets, on the test database, with a fast clock."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url(connection.settings_dict),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        HOST="127.0.0.1",
        SCHEDULING_TICK_SECONDS="1",
        SCHEDULED_JOB_SCHEDULES=(
            f"wagtail_publish_scheduled={EVERY_5_SECONDS};"
            f"webhooks_deliver={EVERY_5_SECONDS}"
        ),
        WEBHOOKS_ALLOW_LOOPBACK="true",
        PYTHONUNBUFFERED="1",
    )
    return env


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(1)
    return condition()


def page_status(port: int) -> int | None:
    # runserver restarts when a file changes (its autoreloader): try again.
    try:
        url = f"http://127.0.0.1:{port}/en/on-time/"
        return requests.get(url, timeout=10).status_code
    except requests.ConnectionError:
        return None


def test_make_run_publishes_a_scheduled_page_and_retries_a_webhook_by_itself(
    home_pages, receiver, subscribe
):
    page = StandardPageFactory(parent=home_pages["en"], slug="on-time", live=False)
    delivery = WebhookDelivery.objects.create(
        endpoint=subscribe(Event.PAGE_PUBLISHED),
        event=Event.PAGE_PUBLISHED,
        payload={"event": Event.PAGE_PUBLISHED},
        attempts=1,
        last_response_code=503,
        next_attempt_at=timezone.now() + timedelta(seconds=5),
    )
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="mlp-make-run-", suffix=".log")[1])
    with log.open("wb") as output:
        supervisor = subprocess.Popen(  # noqa: S603 - our own honcho and Procfile
            [HONCHO, "start", "--no-colour", "-f", "Procfile.dev", "-p", str(port)],
            cwd=BASE_DIR,
            env=make_run_env(port),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        retried = wait_until(
            lambda: (
                WebhookDelivery.objects.get(pk=delivery.pk).status
                == DeliveryStatus.SUCCEEDED
            ),
            timeout=45,
        )
        # Scheduled once the clock is seen working (it retried the delivery), a
        # little ahead: the clock runs publishing every 5 s, but not before the
        # page's time (checked below with the time it went live).
        page.go_live_at = timezone.now() + timedelta(seconds=10)
        page.save_revision().publish()
        early = Page.objects.get(pk=page.pk).live
        went_live = wait_until(lambda: Page.objects.get(pk=page.pk).live, timeout=120)
        served = wait_until(lambda: page_status(port) == 200, timeout=30)
    finally:
        supervisor.send_signal(signal.SIGINT)  # Ctrl-C
        supervisor.wait(timeout=30)
    text = log.read_text(errors="replace")
    log.unlink(missing_ok=True)

    assert not early
    assert went_live, text[-4000:]
    assert Page.objects.get(pk=page.pk).last_published_at >= page.go_live_at
    assert served, text[-4000:]
    assert retried, text[-4000:]
    ids = [headers["webhook-id"] for headers, _body in receiver.requests]
    assert ids.count(str(delivery.pk)) == 1  # going live sent its own event too
    for name in ("web.1", "worker.1", "clock.1"):
        assert f"{name} started" in text
        assert f"{name} stopped" in text or "exited" in text
    runs = JobRun.objects.filter(job="wagtail_publish_scheduled", status="succeeded")
    assert runs.filter(message="Scheduled items published: 1.").count() == 1


def test_two_clock_processes_started_at_once_enqueue_each_due_job_once(home_pages):
    env = {
        **make_run_env(free_port()),
        "SCHEDULED_JOB_SCHEDULES": "",
    }
    clocks = [
        subprocess.Popen(
            [sys.executable, "manage.py", "scheduling_clock", "--once"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _ in range(2)
    ]
    outputs = [clock.communicate(timeout=120)[0].decode() for clock in clocks]

    assert [clock.returncode for clock in clocks] == [0, 0], outputs
    runs = list(JobRun.objects.values_list("job", "due_at"))
    assert len(runs) == len(set(runs))
    assert DBTaskResult.objects.count() == len(runs)
    # Daily and hourly jobs have one due time whichever minute each clock saw.
    for job in ("certificates_issue", "materials_delete_orphans", "forum_digests"):
        assert [name for name, _due in runs].count(job) == 1
    queued = sum(output.count("Queued ") for output in outputs)
    assert queued == len(runs)
