"""`manage.py bench_growth_probe`: what the growth check (bench/growth.py) needs
from one of its databases, as JSON on the last line: the URLs it drives (the
standard page lists in Spanish and English, and 50 English details spread over
the whole tree, so that a grown database's details include grown pages), the
queries of one request of each on a miss (the response cache off), and the
number of live standard pages per language as the database and the API's list
count them (they must be equal: every inserted page is a page the API lists)."""

import json

from django.core.management.base import BaseCommand
from django.test import Client

from bench.run import _queries
from cms.pages.models import StandardPage

DETAILS = 50
LANGUAGES = ("es", "en")


def detail_urls() -> list[str]:
    """DETAILS English standard pages evenly spread over the tree's order."""
    ids = list(
        StandardPage.objects.live()
        .filter(locale__language_code="en")
        .order_by("path")
        .values_list("pk", flat=True)
    )
    step = max(len(ids) / DETAILS, 1)
    picked = sorted({ids[int(n * step)] for n in range(min(DETAILS, len(ids)))})
    return [f"/api/v1/standard-pages/{pk}/" for pk in picked]


class Command(BaseCommand):
    help = "Print the growth check's URLs, queries and page counts as JSON."

    def handle(self, *args, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        urls = {
            f"list_{code}": f"/api/v1/standard-pages/?locale={code}&limit=20"
            for code in LANGUAGES
        }
        urls["detail"] = detail_urls()
        counts = {}
        for code in LANGUAGES:
            response = client.get(urls[f"list_{code}"])
            counts[code] = {
                "database": StandardPage.objects.live()
                .filter(locale__language_code=code)
                .count(),
                "api": response.json()["count"],
            }
        queries = {
            name: _queries(client, url, mode="miss", headers={})
            for name, url in urls.items()
        }
        self.stdout.write(
            json.dumps({"urls": urls, "queries": queries, "counts": counts})
        )
