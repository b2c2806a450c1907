"""Structured logs: one JSON object per line, with the extras and the traceback."""

import io
import json
import logging

from cms.core.logging import JsonFormatter


def logged_lines(emit):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.production.json")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        emit(logger)
    finally:
        logger.removeHandler(handler)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_record_is_one_json_line_with_its_extras():
    (entry,) = logged_lines(
        lambda log: log.warning("upload of %s failed", "minutes.pdf", extra={"user": 7})
    )

    assert entry["level"] == "WARNING"
    assert entry["logger"] == "tests.production.json"
    assert entry["message"] == "upload of minutes.pdf failed"
    assert entry["user"] == 7
    assert entry["time"].endswith("+00:00")


def test_an_exception_keeps_its_traceback_on_the_same_line():
    def emit(log):
        try:
            raise ValueError("bucket unreachable")
        except ValueError:
            log.exception("storage error")

    (entry,) = logged_lines(emit)

    assert entry["message"] == "storage error"
    assert "ValueError: bucket unreachable" in entry["exc_info"]
