"""The admin shows each edition's own time zone and says where a new one's comes
from."""

import pytest
from django.urls import reverse

from tests.factories.learning import EditionFactory

from .html import row_of

pytestmark = pytest.mark.django_db


def test_the_edition_list_shows_each_editions_zone(coordinator_client, tree):
    tree.programme.time_zone = "Europe/Madrid"
    tree.programme.save()
    edition = EditionFactory(programme=tree.programme, time_zone="America/Bogota")

    response = coordinator_client.get(reverse("learning_editions:index"))

    row = row_of(response, str(edition))
    assert "America/Bogota" in row
    assert "Europe/Madrid" not in row


def test_the_new_edition_form_says_an_empty_zone_is_the_programmes(
    coordinator_client,
):
    response = coordinator_client.get(reverse("learning_editions:add"))

    field = response.context["form"].fields["time_zone"]
    assert not field.required
    assert str(field.help_text).startswith("Leave empty for the programme's zone.")
