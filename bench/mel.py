"""The MEL dashboard benchmark: how long Admin → Learning → MEL takes to answer
for a full-size edition (15 organisations x 3 people x 15 meetings, with
attendance, forum posts, reviewed materials and survey answers in English and
Spanish). Target: a median under 300 ms.

    python -m bench.mel

It builds the edition once in its own database (bench/.data/mel.sqlite3, or
DATABASE_URL), signs a coordinator in with Django's test client (in process, no
network), renders the dashboard 5 times to warm up and 30 times measured, and
counts the queries of one render. It writes bench/results.mel.json (not
committed) and exits non-zero when the median misses the target.
"""

import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / ".data"
TARGET_MS = 300
WARM, RUNS = 5, 30
SLUG = "mel-bench"
ORGANISATIONS, PEOPLE, MEETINGS = 15, 3, 15


def setup() -> None:
    DATA.mkdir(exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{DATA / 'mel.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build():  # type: ignore[no-untyped-def]
    """The full-size edition and a coordinator; reused when already built."""
    from django.contrib.auth.models import Permission
    from django.db import transaction

    from learning.editions.models import Edition
    from tests.factories.users import UserFactory

    coordinator = UserFactory(email="mel-coordinator@example.org", is_staff=True)
    coordinator.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_edition", "access_admin"])
    )
    edition = Edition.objects.filter(slug=SLUG).first()
    if edition is None:
        with transaction.atomic():
            edition = _edition()
    return edition, coordinator


def _edition():  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from tests.factories.certificates import FinishedEditionFactory
    from tests.factories.learning import MeetingFactory, programme_tree
    from tests.learning.mel.indicator_world import deck
    from tests.learning.mel.test_indicators_queries import add_organisations

    tree = programme_tree(modules=3, topics_per_module=5)
    topics = [t for n in (1, 2, 3) for t in tree.topics[n]]
    for topic in topics:
        topic.materials = [deck("d1"), deck("d2"), deck("d3")]
        topic.save()
    edition = FinishedEditionFactory(programme=tree.programme, slug=SLUG)
    start = timezone.now() - timedelta(days=90)
    meetings = [
        MeetingFactory(
            edition=edition, session_topic=t, starts_at=start + timedelta(days=i)
        )
        for i, t in enumerate(topics[:MEETINGS])
    ]
    add_organisations(edition, meetings, tree.modules, start=0, count=ORGANISATIONS)
    _answers(edition, meetings)
    return edition


def _answers(edition, meetings) -> None:  # type: ignore[no-untyped-def]
    """An after-meeting survey answered by two of each organisation's three."""
    from django.utils import timezone

    from learning.enrolments.models import Participant
    from learning.mel.enums import SurveyKind
    from learning.mel.models import (
        Survey,
        SurveyAnswer,
        SurveyResponse,
        occasion_key_for,
    )
    from tests.learning.mel.indicator_world import question

    survey = Survey.objects.create(
        title="After the meeting",
        programme=edition.programme,
        kind=SurveyKind.AFTER_MEETING,
        questions=[
            question("score", "useful", "How useful?"),
            question("text", "learned", "Learned"),
        ],
    )
    now = timezone.now()
    members = list(
        Participant.objects.filter(edition=edition).select_related("enrolment")
    )
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(
            survey=survey,
            edition=edition,
            meeting=m,
            occasion_key=occasion_key_for(meeting=m),
            organisation_id=p.enrolment.organisation_id,
            language="es" if i % 2 else "en",
            started_at=now,
            submitted_at=now,
        )
        for m in meetings
        for i, p in enumerate(members)
        if i % 3
    )
    SurveyAnswer.objects.bulk_create(
        answer
        for i, r in enumerate(responses)
        for answer in (
            SurveyAnswer(response=r, question_id="useful", score=1 + i % 5),
            SurveyAnswer(response=r, question_id="learned", text=f"Idea {i}"),
        )
    )


def measure(edition, coordinator) -> dict:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(coordinator)
    url = reverse("learning_mel:edition", args=[edition.pk])
    for _ in range(WARM):
        status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"The dashboard answered {status}, not 200.")
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    p50 = statistics.median(timings)
    return {
        "scenario": "mel_dashboard",
        "size": {
            "organisations": ORGANISATIONS,
            "people": PEOPLE,
            "meetings": MEETINGS,
        },
        "p50_ms": round(p50, 1),
        "p95_ms": round(sorted(timings)[int(RUNS * 0.95) - 1], 1),
        "queries": len(queries),
        "target_ms": TARGET_MS,
        "met": p50 < TARGET_MS,
    }


def main() -> int:
    setup()
    edition, coordinator = build()
    result = measure(edition, coordinator)
    (ROOT / "results.mel.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0 if result["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
