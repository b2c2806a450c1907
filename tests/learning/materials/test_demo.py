"""The demo's shared materials and review marks: made once, through the services."""

import pytest

from cms.demo.materials import ensure_materials
from learning.editions.models import Edition
from learning.materials.models import MaterialReview, SharedMaterial

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(world):
    Edition.objects.filter(pk=world.edition_a.pk).update(slug="demo-open")
    Edition.objects.filter(pk=world.edition_b.pk).update(slug="demo-past")
    world.edition_b.facilitators.add(world.facilitator)
    return world


def test_ensure_materials_shares_files_and_links_in_both_languages(demo_world):
    created, reused = ensure_materials()

    assert created > 0
    assert reused == 0
    shared = SharedMaterial.objects.all()
    assert {m.language for m in shared} == {"en", "es"}
    assert {m.edition for m in shared} == {demo_world.edition_a, demo_world.edition_b}
    pdf = shared.get(content_type="application/pdf")
    with pdf.file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"
    assert shared.filter(content_type="text/plain").exists()
    assert shared.filter(is_hidden=True, hidden_by=demo_world.facilitator).count() == 1
    assert MaterialReview.objects.filter(user=demo_world.participant_b).exists()


def test_a_second_run_creates_nothing(demo_world):
    ensure_materials()
    counts = (SharedMaterial.objects.count(), MaterialReview.objects.count())

    created, reused = ensure_materials()

    assert created == 0
    assert reused > 0
    assert (SharedMaterial.objects.count(), MaterialReview.objects.count()) == counts
