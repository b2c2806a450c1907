"""Coverage's tracer paused around work whose lines other tests already count."""

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def coverage_paused() -> Iterator[None]:
    """Run without coverage's tracer, when the run measures coverage.

    Python 3.11 has no `sys.monitoring`: the tracer costs about half again as much
    CPU on every call. Use it only where the lines run are counted elsewhere too.
    """
    import coverage

    current = coverage.Coverage.current()
    if current is None:
        yield
        return
    current.stop()
    try:
        yield
    finally:
        current.start()
