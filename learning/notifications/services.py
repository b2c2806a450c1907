"""Enqueue a background task (an email) once the transaction that caused it commits."""

from typing import Any

from django.db import transaction
from django_tasks.base import Task


def task_enqueue_on_commit(task: Task[..., Any], /, **kwargs: Any) -> None:
    """Enqueue `task` with `kwargs` after the commit; nothing when it rolls back."""
    # robust: a failed enqueue (queue down) must not undo the write that is done.
    transaction.on_commit(lambda: task.enqueue(**kwargs), robust=True)
