"""The Wagtail admin speaks the person's language and shows their time zone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_HOME = reverse("wagtailadmin_home")


def admin_language(client, user) -> str:
    """The lang attribute of the admin's dashboard as `user` sees it."""
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get(ADMIN_HOME).content.decode()
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


def test_a_user_created_with_spanish_gets_a_spanish_admin_in_their_zone(client):
    user = get_user_model().objects.create_user(
        "tomas@example.org",
        "a-long-password",
        preferred_language="es",
        time_zone="America/Mexico_City",
    )

    assert admin_language(client, user) == "es"
    assert UserProfile.get_for_user(user).current_time_zone == "America/Mexico_City"


def test_changing_the_site_profile_language_changes_the_admin_language(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)

    client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Ana",
            "last_name": "Pérez",
            "preferred_language": "es",
            "time_zone": "America/Lima",
        },
    )

    # Another browser, without the site's language cookie, opens the admin.
    client.cookies.pop("django_language")
    assert admin_language(client, user) == "es"
    assert UserProfile.get_for_user(user).current_time_zone == "America/Lima"
