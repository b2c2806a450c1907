"""The shared materials list comes in pages, newest first, for the selector and
the page alike; a deep page costs what the first does."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.core.paging import DEFAULT_PAGE_SIZE
from learning.editions.models import Edition
from learning.materials.models import SharedMaterial
from learning.materials.selectors import shared_material_page_for_user
from tests.factories.materials import SharedMaterialFactory

from .test_selectors import queries_of

pytestmark = pytest.mark.django_db


def share(world, count: int, **fields) -> list[SharedMaterial]:
    """`count` materials in edition A, one a minute, the last one newest."""
    start = timezone.now() - timedelta(days=1)
    made = SharedMaterialFactory.create_batch(count, edition=world.edition_a, **fields)
    for minute, material in enumerate(made):
        material.created_at = start + timedelta(minutes=minute)
    SharedMaterial.objects.bulk_update(made, ["created_at"])
    return made


def page_of(user, world, cursor: str = "", limit: int = DEFAULT_PAGE_SIZE):
    _edition, page = shared_material_page_for_user(
        user=user, edition_id=world.edition_a.pk, cursor=cursor, limit=limit
    )
    return page


def test_pages_follow_each_other_newest_first_without_gaps(world):
    made = share(world, 5)
    SharedMaterialFactory(edition=world.edition_b)  # another edition's

    first = page_of(world.participant_a, world, limit=2)
    second = page_of(world.participant_a, world, cursor=first.next_cursor, limit=2)
    third = page_of(world.participant_a, world, cursor=second.next_cursor, limit=2)

    newest_first = list(reversed(made))
    assert first.items == newest_first[:2]
    assert second.items == newest_first[2:4]
    assert third.items == newest_first[4:]
    assert third.next_cursor == ""


def test_materials_shared_at_the_same_moment_are_all_listed_once(world):
    made = SharedMaterialFactory.create_batch(3, edition=world.edition_a)
    SharedMaterial.objects.update(created_at=timezone.now())

    first = page_of(world.participant_a, world, limit=2)
    second = page_of(world.participant_a, world, cursor=first.next_cursor, limit=2)

    assert [*first.items, *second.items] == sorted(made, key=lambda m: -m.pk)


def test_hidden_materials_are_not_on_a_participants_pages(world):
    share(world, 2)
    share(world, 2, is_hidden=True)

    assert len(page_of(world.participant_a, world).items) == 2
    assert len(page_of(world.facilitator, world).items) == 4


@pytest.mark.parametrize("cursor", ["not-a-cursor", "WzEsMl0", "WyJ4IiwgMV0"])
def test_a_forged_cursor_gives_the_first_page(world, cursor):
    share(world, 3)

    assert page_of(world.participant_a, world, cursor=cursor).items == (
        page_of(world.participant_a, world).items
    )


def test_non_members_get_no_page(world):
    with pytest.raises(Edition.DoesNotExist):
        page_of(world.participant_b, world)


def test_a_deep_page_costs_what_the_first_does(world):
    page_of(world.facilitator, world)  # warm the permission cache
    share(world, 30)
    first = page_of(world.facilitator, world, limit=5)

    cost_first = queries_of(lambda: page_of(world.facilitator, world, limit=5))
    cost_deep = queries_of(
        lambda: page_of(world.facilitator, world, cursor=first.next_cursor, limit=5)
    )

    assert cost_deep == cost_first


def test_page_2_of_the_shared_materials_page(client, world):
    made = share(world, DEFAULT_PAGE_SIZE + 2)
    oldest, second_oldest, newest = made[0], made[1], made[-1]
    client.force_login(world.participant_a)
    url = reverse("materials:shared", args=[world.edition_a.pk])

    first_page = client.get(url)
    listing = first_page.context["listing"]
    second_page = client.get(url, {"cursor": listing.next_cursor})

    assert first_page.text.count("data-shared-material=") == DEFAULT_PAGE_SIZE
    assert newest.title in first_page.text
    assert oldest.title not in first_page.text
    assert 'rel="next"' in first_page.text
    assert second_page.text.count("data-shared-material=") == 2
    assert oldest.title in second_page.text
    assert second_oldest.title in second_page.text
    assert newest.title not in second_page.text
    assert 'rel="next"' not in second_page.text
    assert f'href="{url}">First page</a>' in second_page.text
    assert 'aria-label="Pages of shared materials"' in second_page.text
    assert 'id="share"' in second_page.text  # the share form is on every page
