"""The Learning admin menu: each app adds its own items, in one explicit order."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from tests.factories import UserFactory


@pytest.mark.django_db
def test_the_learning_menu_lists_every_apps_items_in_order():
    reverse("wagtailadmin_home")  # loads the admin, which registers its menu
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True, is_staff=True)

    learning = next(
        item
        for item in admin_menu.menu_items_for_request(request)
        if item.name == "learning"
    )
    # Menu names are slugs of the labels in whichever language first built the
    # menu, so the items are told apart by their addresses.
    urls = [item.url for item in learning.menu.menu_items_for_request(request)]

    assert urls == [
        reverse(name)
        for name in (
            "learning_editions:index",
            "learning_meetings:index",
            "learning_enrolments:index",
            "learning_attendance:index",
            "learning_attendance_report:index",
            "learning_forum_flags:index",
            "learning_certificates:index",
            "learning_infosessions:index",
            "learning_seminar_registrations:index",
            "learning_infosession_registrations:index",
            "learning_events:index",
            "learning_proposals:index",
            "learning_members:index",
            "learning_person_data:index",
        )
    ]
