"""Cook forum posts again after the sanitiser's rules changed (COOK_VERSION)."""

import sys
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import QuerySet

from learning.forum.services.cooking import (
    post_cook_outdated_list,
    post_translation_outdated_list,
    post_translations_reclean,
    posts_recook,
)

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Store every post's HTML again under the current sanitiser rules: the "
        "posts cooked under older rules (or never), and their machine translations. "
        "Safe to run while the site serves readers; run it after a deploy that "
        "raised learning.forum.rendering.COOK_VERSION."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all",
            action="store_true",
            help="Cook every post again, whatever its version.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Posts per transaction (default 500).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        size = max(options["batch_size"], 1)
        posts = self._run(
            "posts",
            post_cook_outdated_list(everything=options["all"]),
            lambda ids: posts_recook(post_ids=ids),
            size,
        )
        translations = self._run(
            "translations",
            post_translation_outdated_list(),
            lambda ids: post_translations_reclean(translation_ids=ids),
            size,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{posts} post(s) and {translations} translation(s) cooked again."
            )
        )

    def _run(
        self,
        what: str,
        rows: QuerySet[Any],
        act: Callable[[list[int]], int],
        size: int,
    ) -> int:
        ids = list(rows.values_list("pk", flat=True))
        done = 0
        for start in range(0, len(ids), size):
            done += act(ids[start : start + size])
            self._progress(what, start + len(ids[start : start + size]), len(ids))
        if ids and self.stdout.isatty():
            self.stdout.write("")
        return done

    def _progress(self, what: str, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"{what}: [{bar}] {done}/{total}"
        if self.stdout.isatty():
            self.stdout.write(f"\r{line}", ending="")
            sys.stdout.flush()
        else:
            # Logs get one line per batch.
            self.stdout.write(line)
