"""/healthz: is this app process able to serve? For load balancers and monitors."""

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# A missing object is fine: the probe only needs the storage to answer.
STORAGE_PROBE_NAME = "healthz-probe"


def check_database() -> None:
    """Run SELECT 1 on a connection of its own, closed afterwards."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        # The check runs in a worker thread, where no request_finished signal
        # would ever close (or health-check) a persistent connection.
        connection.close()


def check_cache() -> None:
    """Write, read back and delete a short-lived key in the shared cache."""
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=30)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return the value just written")
    finally:
        cache.delete(key)


def check_storage() -> None:
    """Ask the default (media) storage whether a probe object exists."""
    default_storage.exists(STORAGE_PROBE_NAME)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
}


def run_checks(timeout: float) -> dict[str, str]:
    """Run every check in parallel; each is "ok", "error" or "timeout"."""
    results = {}
    executor = ThreadPoolExecutor(max_workers=len(CHECKS), thread_name_prefix="healthz")
    try:
        futures = {name: executor.submit(check) for name, check in CHECKS.items()}
        for name, future in futures.items():
            try:
                future.result(timeout=timeout)
            except FutureTimeout:
                logger.error("health check %s timed out after %ss", name, timeout)
                results[name] = "timeout"
            except Exception:
                logger.exception("health check %s failed", name)
                results[name] = "error"
            else:
                results[name] = "ok"
    finally:
        # Do not wait for a hung check: the response must go out on time.
        executor.shutdown(wait=False, cancel_futures=True)
    return results


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when database, cache and media storage answer, else 503 naming the failure.

    Access: anyone, without signing in (load balancers probe it). It reveals only
    which dependency failed, never why; the reason is logged.
    """
    checks = run_checks(timeout=settings.HEALTHZ_TIMEOUT)
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )
