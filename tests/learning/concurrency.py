"""Run a function in many threads at once, each with its own database connection."""

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection


@dataclass
class Outcome:
    results: list[Any] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


def require_concurrent_database() -> None:
    """Skip unless threads can open their own connections to the test database."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        reason = "needs a file SQLite database (DATABASES TEST NAME) or PostgreSQL"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def run_at_once(func: Callable[..., Any], calls: Sequence[dict[str, Any]]) -> Outcome:
    """Call `func(**kwargs)` per entry of `calls`, the threads released together."""
    outcome = Outcome()
    lock = threading.Lock()
    barrier = threading.Barrier(len(calls))

    def work(kwargs: dict[str, Any]) -> None:
        try:
            barrier.wait(timeout=60)
            result = func(**kwargs)
            with lock:
                outcome.results.append(result)
        except BaseException as error:  # every failure is reported to the test
            with lock:
                outcome.errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(kwargs,)) for kwargs in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcome
