"""A bilingual call for proposals on the test site, for the site's tests."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from learning.catalogue.models import ProgrammePage
from learning.proposals.models import CallForProposalsPage
from tests.cms.conftest import bilingual_roots
from tests.factories import ProgrammeIndexPageFactory
from tests.factories.proposals import (
    CallForProposalsPageFactory,
    ProposalSessionsProgrammePageFactory,
)
from tests.learning.public_site import translate


@dataclass
class CallSite:
    """A programme of member-led sessions with one open call, in en and es."""

    programme: ProgrammePage
    programme_es: ProgrammePage
    call: CallForProposalsPage
    call_es: CallForProposalsPage


def call_site_build(home_pages: dict) -> CallSite:
    """Build the programme, its open call and their Spanish copies."""
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    translate(index, "es", title="Programas")
    programme = ProposalSessionsProgrammePageFactory(
        parent=index, title="CoLab sessions", slug="colab"
    )
    programme_es = translate(programme, "es", title="Sesiones CoLab")
    now = timezone.now()
    call = CallForProposalsPageFactory(
        parent=programme,
        title="Call for sessions 2027",
        slug="call-2027",
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=20),
        time_zone="America/Bogota",
    )
    call_es = translate(
        call,
        "es",
        title="Convocatoria de sesiones 2027",
        alignment_statement="La sesión está alineada con la misión.",
    )
    # The translation rewords the first criterion and keeps its block id.
    call_es.rubric[0].value["name"] = "Pertinencia"
    call_es.save_revision().publish()
    call_es.refresh_from_db()
    return CallSite(programme, programme_es, call, call_es)


@pytest.fixture(scope="module")
def call_site(django_db_setup, django_db_blocker):
    """`call_site_build` once per test module, rolled back after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield call_site_build(bilingual_roots()[0])
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths
