"""The "Before the meeting" page shows times in the reader's zone, as My programme."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse
from django.utils import timezone, translation


def materials_url(edition, language: str) -> str:
    with translation.override(language):
        return reverse("materials:edition", kwargs={"edition_id": edition.pk})


def test_meeting_times_are_in_the_participants_zone_named_in_spanish(client, world):
    user = world.participant_a
    user.time_zone = "America/Lima"  # UTC-5 all year
    user.save()
    starts_at = datetime.combine(
        (timezone.now() + timedelta(days=3)).date(), datetime.min.time(), tzinfo=UTC
    ) + timedelta(hours=14)
    world.meeting_a.starts_at = starts_at
    world.meeting_a.save()
    client.force_login(user)

    html = client.get(materials_url(world.edition_a, "es")).text

    assert "09:00 (hora de Perú)" in html
    assert ", 14:00" not in html
    assert "America/Lima" not in html
    assert "(UTC)" not in html
