"""The gate through the admin: a coordinator sees what holds an edition, with
links; "Open" is refused while pages are missing; an administrator opens anyway
with a reason kept in the history."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.core.openings import opening_gate, opening_get, opening_outdated_set
from learning.editions.models import Edition
from learning.editions.services import edition_create
from tests.cms.translations.helpers import translate
from tests.factories import SuperUserFactory, UserFactory
from tests.factories.learning import programme_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(db):
    group = Group.objects.create(name="Gate coordinators")
    access = Permission.objects.get(codename="access_admin")
    group.permissions.add(access, *model_permissions(COORDINATOR_PERMISSIONS))
    user = UserFactory(email="coordinator@example.org")
    user.groups.add(group)
    return user


@pytest.fixture
def edition(home_pages, locales):
    tree = programme_tree(modules=1, topics_per_module=1)
    now = timezone.now()
    edition = edition_create(
        programme=tree.programme,
        title="Spring",
        starts_on=(now + timedelta(days=60)).date(),
        ends_on=(now + timedelta(days=120)).date(),
        enrolment_opens_at=now + timedelta(days=2),
        enrolment_closes_at=now + timedelta(days=30),
        places=10,
    )
    edition.tree = tree
    return edition


def _url(edition):
    content_type = ContentType.objects.get_for_model(Edition)
    return f"/admin/learning/opening/{content_type.pk}/{edition.pk}/"


def test_the_coordinator_sees_missing_pages_with_links(client, coordinator, edition):
    client.force_login(coordinator)

    page = client.get(_url(edition)).content.decode()
    tried = client.post(_url(edition), follow=True).content.decode()

    programme = edition.tree.programme
    assert f'href="/admin/pages/{programme.pk}/edit/"' in page
    assert 'data-opening-state="blocked"' in page
    assert "It cannot open yet: 3 pages are missing or outdated" in tried
    assert "data-opening-override" not in tried  # coordinators may not override
    assert opening_gate(subject=edition) == "blocked"


def test_the_coordinators_dashboard_shows_the_hold(client, coordinator, edition):
    Edition.objects.filter(pk=edition.pk).update(
        enrolment_opens_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(coordinator)

    home = client.get("/admin/").content.decode()

    assert "data-opening-blocked" in home
    assert _url(edition) in home


def test_translated_pages_let_the_coordinator_open(
    client, coordinator, edition, locales
):
    tree = edition.tree
    translate([tree.programme, *tree.modules, *tree.topics[1]], locales["es"])
    client.force_login(coordinator)

    client.post(_url(edition))

    assert opening_gate(subject=edition) == "open"


def test_an_administrator_opens_anyway_with_a_reason(client, edition):
    admin = SuperUserFactory()
    client.force_login(admin)

    without = client.post(_url(edition), {"reason": ""}, follow=True)
    client.post(_url(edition), {"reason": "The Spanish text is on paper"})

    assert "It cannot open yet" in without.content.decode()
    assert opening_gate(subject=edition) == "open"
    entry = ModelLogEntry.objects.get(action="learning.opening.override")
    assert entry.data["reason"] == "The Spanish text is on paper"
    history = client.get(_url(edition)).content.decode()
    assert "The Spanish text is on paper" in history


def test_someone_who_may_not_change_editions_is_refused(client, edition):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(_url(edition))

    assert response.status_code in (302, 403)
    assert "Spring" not in response.content.decode()


def test_the_dashboard_shows_an_open_edition_outdated_since(
    client, coordinator, edition, locales
):
    tree = edition.tree
    translate([tree.programme, *tree.modules, *tree.topics[1]], locales["es"])
    Edition.objects.filter(pk=edition.pk).update(
        enrolment_opens_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(coordinator)
    client.post(_url(edition))
    opening = opening_get(subject=edition)
    opening_outdated_set(opening=opening, since=timezone.now())

    home = client.get("/admin/").content.decode()

    assert "data-opening-outdated" in home
    assert "Translation outdated since" in home
