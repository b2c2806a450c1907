"""Orphaned material files are swept by the clock, daily at 03:45, once."""

from datetime import datetime, time, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from tests.learning.scheduling.clock import runs_of, tick_at

from . import files
from .conftest import stored_files
from .test_services import share


def at(day, hour: int, minute: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_the_daily_run_deletes_a_rolled_back_upload_once(world):
    day = timezone.localdate() + timedelta(days=2)
    tick_at(at(day, 3, 30))  # the clock catches up the day before's run first
    kept = share(world, file=files.upload("kept.pdf", files.PDF))
    with pytest.raises(RuntimeError), transaction.atomic():
        share(world, file=files.upload("lost.pdf", files.PDF))
        raise RuntimeError("the caller's transaction fails")

    tick_at(at(day, 3, 44))
    assert len(stored_files()) == 2

    tick_at(at(day, 3, 46))
    tick_at(at(day, 4, 10))

    assert stored_files() == [kept.file.name]
    runs = runs_of("materials_delete_orphans")
    assert [(run.due_at, run.message) for run in runs] == [
        (at(day - timedelta(days=1), 3, 45), "Deleted files: 0"),
        (at(day, 3, 45), "Deleted files: 1"),
    ]
