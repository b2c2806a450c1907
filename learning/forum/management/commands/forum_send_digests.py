"""Send the facilitators' forum digest for meetings starting soon (run from cron)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from learning.forum.selectors import meeting_digest_due_list
from learning.forum.services import forum_digest_send

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Email each edition's facilitators one digest of forum answers before "
        "every meeting that starts within the next HOURS and has no digest yet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Look this many hours ahead (default 24).",
        )

    def handle(self, *args: Any, hours: int, **options: Any) -> None:
        now = timezone.now()
        meetings = list(meeting_digest_due_list(now=now, hours=hours))
        total = len(meetings)
        sent = 0
        for done, meeting in enumerate(meetings, start=1):
            digest = forum_digest_send(meeting=meeting, now=now)
            if digest is not None and digest.recipient_count:
                sent += 1
            self._progress(done, total)
        if total:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} meeting(s) digested, {sent} with answers emailed."
            )
        )

    def _progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
