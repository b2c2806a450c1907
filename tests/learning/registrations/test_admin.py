"""Coordinators read a run's registrations with counts per target group, export
them, cancel one on a person's behalf, and see its history."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.registrations.enums import RegistrationStatus
from tests.factories import UserFactory
from tests.factories.registrations import (
    RegistrationFactory,
    SeminarRunFactory,
    target_group_ids,
)
from tests.spreadsheets import (
    ESCAPED_FORMULA,
    FORMULA,
    SPANISH_NAME,
    csv_download_rows,
)

pytestmark = pytest.mark.django_db
INDEX = "/admin/learning/seminar-registrations/"


def admin_user(name, permissions):
    group = Group.objects.create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(permissions))
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator_client(client):
    client.force_login(admin_user("Coordinators", COORDINATOR_PERMISSIONS))
    return client


@pytest.fixture
def run():
    run = SeminarRunFactory(places=2)
    groups = target_group_ids(run)
    RegistrationFactory(edition=run, target_group=groups[0], name=SPANISH_NAME)
    RegistrationFactory(edition=run, target_group=groups[2], institution=FORMULA)
    RegistrationFactory(
        edition=run, target_group=groups[2], status=RegistrationStatus.WAITLISTED
    )
    return run


def test_one_runs_list_shows_its_counts_per_target_group(coordinator_client, run):
    response = coordinator_client.get(INDEX, {"edition": run.pk})

    html = response.content.decode()
    assert response.status_code == 200
    assert "data-run-counts" in html
    groups = target_group_ids(run)
    counts = {
        group: re.findall(r"<td>(\d+)</td>", html.split(f'data-group="{group}"')[1])[:2]
        for group in groups
    }
    assert [counts[group] for group in groups] == [["1", "0"], ["0", "0"], ["1", "1"]]
    assert SPANISH_NAME in html
    assert run.programme.target_groups[2].value in html


def test_the_export_is_formula_safe_and_names_the_groups(coordinator_client, run):
    response = coordinator_client.get(INDEX, {"edition": run.pk, "export": "csv"})

    rows = csv_download_rows(response)
    assert rows[0][:3] == ["Seminar run", "Status", "Name"]
    cells = [cell for row in rows[1:] for cell in row]
    assert ESCAPED_FORMULA in cells and FORMULA not in cells
    assert SPANISH_NAME in cells
    assert run.programme.target_groups[0].value in cells


def test_a_coordinator_cancels_and_the_place_goes_to_the_waitlist(
    coordinator_client, run
):
    holder = run.registrations.get(name=SPANISH_NAME)
    waiting = run.registrations.get(status=RegistrationStatus.WAITLISTED)

    response = coordinator_client.post(f"{INDEX}cancel/{holder.pk}/", follow=True)
    history = coordinator_client.get(f"{INDEX}history/{holder.pk}/")

    assert response.status_code == 200
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    entry = ModelLogEntry.objects.get(action="registrations.cancelled")
    assert entry.user_id is not None
    assert history.status_code == 200
    assert "Registration cancelled" in history.content.decode()


def test_people_without_the_permission_cannot_see_registrations(client, run):
    client.force_login(admin_user("Page editors", ()))

    assert client.get(INDEX).status_code in (302, 403)
