"""The first read after a publish (issue 14: "a reader meets a miss after every
publish"), run by bench/run.py on the cache-hit server once the scenarios are
measured: an editor publishes a new revision of a page in this process (its
receivers and on-commit tasks run here, as in the admin's process), then one
reader asks for it. Timed one request at a time, over loopback: the publish
itself, the first read after it and the read after that (normally a hit), for
a standard page's API detail, the English API list and a module's site page."""

import statistics
import time
import urllib.request

ROUNDS = 15


def _read(url: str) -> tuple[float, str]:
    """Milliseconds for one GET, and its X-Cache answer ('' when none)."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        response.read()
        cache = response.headers.get("X-Cache", "")
    return (time.perf_counter() - started) * 1000, cache


def _publish_ms(page) -> float:
    started = time.perf_counter()
    revision = page.save_revision(log_action=True)
    revision.publish()
    return (time.perf_counter() - started) * 1000


def _summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "max_ms": round(ordered[-1], 2),
    }


def _pages(urls: dict) -> dict:
    """name: (page, the URLs whose first read follows its publish)."""
    from wagtail.models import Page

    from cms.pages.models import StandardPage

    detail = urls["ours_detail"][0]
    standard = StandardPage.objects.get(pk=int(detail.rstrip("/").rsplit("/", 1)[1]))
    module = next(
        page.specific
        for page in Page.objects.live().filter(locale__language_code="en")
        if page.specific_class.__name__ == "ModulePage"
        and page.get_url() == urls["site_module_en"]
    )
    return {
        "content_detail": (standard, detail),
        "content_list_en": (standard, urls["ours_list_en"]),
        "site_module_en": (module, urls["site_module_en"]),
    }


def publish_then_read(base: str, urls: dict, *, rounds: int = ROUNDS) -> dict:
    """Per target: the publish's time and the first and second reads' times
    (p50 and max over `rounds`), with the X-Cache answers each read gave."""
    results = {}
    for name, (page, url) in _pages(urls).items():
        times: dict[str, list[float]] = {"publish": [], "first": [], "second": []}
        answers: dict[str, set[str]] = {"first": set(), "second": set()}
        for _round in range(rounds):
            _read(base + url)  # cached before the publish, as on a live site
            times["publish"].append(_publish_ms(page))
            for read in ("first", "second"):
                elapsed, cache = _read(base + url)
                times[read].append(elapsed)
                answers[read].add(cache)
        results[name] = {
            "publish": _summary(times["publish"]),
            **{
                f"{read}_read": {
                    **_summary(times[read]),
                    "x_cache": sorted(answers[read]),
                }
                for read in ("first", "second")
            },
            "rounds": rounds,
        }
    return results


def _cell(row: dict) -> str:
    answers = ", ".join(row.get("x_cache", []))
    return f"{row['p50_ms']} / {row['max_ms']}" + (f" ({answers})" if answers else "")


def markdown_lines(rows: dict) -> list[str]:
    """The check as a table for bench/results.md; X-Cache answers in brackets."""
    if not rows:
        return []
    lines = [
        "",
        "First read after a publish (one request at a time on the cache-hit "
        "server, bench/publish_read.py; the X-Cache answers in brackets):",
        "",
        "| page | publish p50 / max ms | first read p50 / max ms | "
        "second read p50 / max ms |",
        "|---|---:|---:|---:|",
    ]
    for name, row in rows.items():
        cells = [_cell(row[part]) for part in ("publish", "first_read", "second_read")]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return lines
