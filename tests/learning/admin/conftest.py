"""Users of the learning admin, with the demo groups' permissions, and some data."""

import pytest
from django.contrib.auth.models import Group, Permission

from cms.demo.accounts import (
    COORDINATOR_PERMISSIONS,
    FACILITATOR_PERMISSIONS,
    model_permissions,
)
from learning.infosessions.services import infosession_register
from tests.factories import UserFactory
from tests.factories.learning import EditionFactory, ProgrammeTree, programme_tree
from tests.shared_world import built_once_per_module, copy_or_build


def _admin_user(name: str, permissions: tuple[str, ...]):
    group = Group.objects.create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(permissions))
    user = UserFactory(email=f"{name.lower().replace(' ', '-')}@example.org")
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator(db):
    """A user with the demo Coordinators group's permissions."""
    return _admin_user("Test coordinators", COORDINATOR_PERMISSIONS)


@pytest.fixture
def facilitator(db):
    """A user with the demo Facilitators group's permissions."""
    return _admin_user("Test facilitators", FACILITATOR_PERMISSIONS)


@pytest.fixture
def editor(db):
    """A user who may enter the admin but has no learning permission."""
    return _admin_user("Page editors", ())


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture(scope="module")
def _tree_once(request, django_db_setup, django_db_blocker):
    yield from built_once_per_module(request, django_db_blocker, _two_module_tree)


@pytest.fixture
def tree(_tree_once, db) -> ProgrammeTree:
    """A programme with two modules of one session topic each. Built once per
    module where its tests share it (tests/shared_world.py)."""
    return copy_or_build(_tree_once, _two_module_tree)


def _two_module_tree() -> ProgrammeTree:
    return programme_tree(modules=2, topics_per_module=1)


@pytest.fixture
def edition(tree):
    """An edition of `tree`'s programme, open for enrolment, with 15 places."""
    return EditionFactory(programme=tree.programme)


def register(session, name="Ana Ruiz", email="ana@example.org", **fields):
    """Sign a person up for the information session through the service."""
    values = {"organisation": "Casa Abierta", "country": "Peru", "language": "es"}
    values.update(fields)
    return infosession_register(
        session=session, name=name, email=email, consent=True, **values
    ).registration
