"""Wagtail's scheduled publishing runs by itself, on the clock, once per minute."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from wagtail.models import Page

from tests.factories import StandardPageFactory
from tests.learning.scheduling.clock import runs_of, tick_at

pytestmark = pytest.mark.django_db

AT_0405 = datetime(2026, 3, 2, 4, 5, tzinfo=UTC)


def test_a_page_scheduled_for_0407_goes_live_at_0407_once(home_pages):
    with time_machine.travel(AT_0405, tick=False):
        page = StandardPageFactory(parent=home_pages["en"], slug="soon", live=False)
        page.go_live_at = AT_0405 + timedelta(minutes=2)
        page.save_revision().publish()
    assert not Page.objects.get(pk=page.pk).live

    tick_at(AT_0405 + timedelta(minutes=1, seconds=50))
    assert not Page.objects.get(pk=page.pk).live

    tick_at(AT_0405 + timedelta(minutes=2, seconds=10))
    tick_at(AT_0405 + timedelta(minutes=2, seconds=40))

    assert Page.objects.get(pk=page.pk).live
    runs = runs_of("wagtail_publish_scheduled")
    assert [(run.due_at.minute, run.message) for run in runs] == [
        (6, "Scheduled items published: 0."),
        (7, "Scheduled items published: 1."),
    ]
