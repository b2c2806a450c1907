"""Record the gate's decision for every edition, event and information session
created before the gate existed (they had no Opening row, so opening_get was None).

Why these decisions, written here with the historical models rather than by
running the checks (the checks read today's page models, which a migration must
not use):
- Sign-ups that have begun stay OPEN: an edition whose enrolment window has
  begun, and every event and information session (they take answers from the
  day they are planned). Holding them now would pull a form people may be
  filling in, and OPEN is what the gate decides after opening anyway.
- An edition whose enrolment has not opened yet is BLOCKED, so the
  `openings_refresh` job (every 15 minutes) runs the real checks on it: it opens
  as soon as its pages are ready in every language, before its dates if they are.
  Without any registered check (learning installed without the translation
  gate) it is OPEN, since nothing would ever lift the hold.
"""

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.utils import timezone

OPEN, BLOCKED = "open", "blocked"


def _edition_states(
    model: Any, now: datetime, gated: bool
) -> Iterator[tuple[int, str]]:
    for pk, opens_at in model.objects.values_list("pk", "enrolment_opens_at"):
        yield pk, BLOCKED if gated and opens_at > now else OPEN


def _open_states(model: Any, now: datetime, gated: bool) -> Iterator[tuple[int, str]]:
    for pk in model.objects.values_list("pk", flat=True):
        yield pk, OPEN


SUBJECTS = [
    ("editions", "Edition", _edition_states),
    ("events", "Event", _open_states),
    ("infosessions", "InfoSession", _open_states),
]


def backfill(apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None) -> None:
    from learning.core.openings import opening_checks_registered

    content_types = apps.get_model("contenttypes", "ContentType")
    opening = apps.get_model("learning_core", "Opening")
    now = timezone.now()
    gated = opening_checks_registered()
    for app_label, model_name, states in SUBJECTS:
        model = apps.get_model(app_label, model_name)
        content_type, _ = content_types.objects.get_or_create(
            app_label=app_label, model=model._meta.model_name
        )
        decided = set(
            opening.objects.filter(content_type=content_type).values_list(
                "object_id", flat=True
            )
        )
        opening.objects.bulk_create(
            opening(
                content_type=content_type, object_id=pk, state=state, decided_at=now
            )
            for pk, state in states(model, now, gated)
            if pk not in decided
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learning_core", "0001_opening"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editions", "0004_edition_location"),
        ("events", "0003_rsvp_person_fields"),
        ("infosessions", "0004_registration_person_fields"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
