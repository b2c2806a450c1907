"""The clock process: every tick, enqueue the scheduled jobs that came due.

Run one next to the worker (`make clock`; `make run` starts it too). Two clocks
are safe: each (job, due time) is enqueued once. `--once` ticks once and exits,
for a platform that prefers its own cron to a long-running process.
"""

import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import timezone

from learning.core.conf import scheduling_tick_seconds
from learning.scheduling.registry import job_list
from learning.scheduling.services import clock_tick


class Command(BaseCommand):
    help = "Enqueue the platform's periodic jobs when they come due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Tick once, then exit.")

    def handle(self, *args: Any, once: bool, **options: Any) -> None:
        if once:
            self._tick()
            return
        stop = threading.Event()
        self._stop_on_signals(stop)
        seconds = scheduling_tick_seconds()
        names = ", ".join(f"{job.name} ({job.schedule})" for job in job_list())
        self.stdout.write(f"Clock ticks every {seconds}s for: {names}")
        while not stop.is_set():
            self._tick()
            stop.wait(seconds)
        self.stdout.write("Clock stopped.")

    def _tick(self) -> None:
        # A long-lived process: drop connections the database has closed since.
        close_old_connections()
        for run in clock_tick(now=timezone.now()):
            self.stdout.write(f"Queued {run.job} (due {run.due_at:%Y-%m-%d %H:%M:%S})")
        close_old_connections()

    def _stop_on_signals(self, stop: threading.Event) -> None:
        def handler(_signum: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
