"""Prepare the enrolment scenario on the database in DATABASE_URL and print it
as JSON for bench/run.py: the enrolment URL, a person's token, the request body
(with "{n}" where each request puts a value of its own) and the queries one
enrolment costs, measured through the test client."""

import json
import uuid

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings

from api.keys import personal_token_create
from learning.catalogue.models import ModulePage
from learning.editions.models import Edition

from .bench_dataset import ENROLMENT_EDITION


def enrolment_body(*, module_ids: list[int]) -> str:
    """Two representatives of a new organisation, every module chosen."""
    people = [
        {"name": f"{name} {{n}}", "email": f"{name.lower()}@org-{{n}}.example.org"}
        for name in ("Ana", "Luis")
    ]
    return json.dumps(
        {
            "organisation_name": "Bench organisation {n}",
            "organisation_country": "Peru",
            "representatives": people,
            "module_ids": module_ids,
            "consent": True,
        }
    )


class Command(BaseCommand):
    help = "Print the enrolment scenario of the benchmark as JSON."

    def handle(self, *args, **options):
        edition = Edition.objects.get(slug=ENROLMENT_EDITION)
        module_ids = list(
            ModulePage.objects.live()
            .child_of(edition.programme)
            .order_by("module_number")
            .values_list("pk", flat=True)
        )
        user, _created = get_user_model().objects.get_or_create(
            email="enroller@bench.example.org", defaults={"first_name": "Enroller"}
        )
        _token, key = personal_token_create(user=user, name="bench enrolment")
        url = f"/api/v1/editions/{edition.pk}/enrolments/"
        body = enrolment_body(module_ids=module_ids)
        # A new organisation each time, as every measured request sends: a
        # repeated one would be answered as a repeat, at a third of the cost.
        fresh = f"prepare-{uuid.uuid4().hex[:12]}"
        queries = self._queries(url, body.replace("{n}", fresh), key)
        self.stdout.write(
            json.dumps({"url": url, "token": key, "body": body, "queries": queries})
        )

    def _queries(self, url: str, body: str, key: str) -> int:
        """The queries of one enrolment (its emails are sent by no one here)."""
        client = Client(HTTP_HOST="127.0.0.1")
        seen: list[str] = []

        def count(execute, sql, params, many, context):
            seen.append(sql)
            return execute(sql, params, many, context)

        backend = "django.core.mail.backends.dummy.EmailBackend"
        with override_settings(EMAIL_BACKEND=backend):
            # The first request of a process reads what later ones find cached.
            client.get("/healthz")
            with connection.execute_wrapper(count):
                response = client.post(
                    url,
                    body,
                    content_type="application/json",
                    HTTP_AUTHORIZATION=f"Bearer {key}",
                )
        if response.status_code != 202:
            raise SystemExit(f"{url} answered {response.status_code}")
        return len(seen)
