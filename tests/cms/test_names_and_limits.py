"""The site's forms: names with nothing visible refused on the profile (issue 22,
case 14), and a form post over DATA_UPLOAD_MAX_MEMORY_SIZE answered with a page
that says so, not a 500 (case 5)."""

import pytest
from django.test import override_settings

from tests.cms.test_accounts import url
from tests.factories.learning import InfoSessionFactory
from tests.factories.users import UserFactory
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


def _profile(client, **names):
    data = {"first_name": "Ana", "last_name": "Pérez", "preferred_language": "en"}
    return client.post(url("accounts:profile"), {**data, **names})


def test_the_profile_refuses_a_name_with_nothing_visible(client, site):
    user = UserFactory(first_name="Ana", last_name="Pérez")
    client.force_login(user)

    response = _profile(client, first_name="\u200b\u200b")

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["first_name"]
    assert [error.code for error in errors] == ["name_invisible"]
    user.refresh_from_db()
    assert user.first_name == "Ana"


def test_the_profile_keeps_names_normalised(client, site):
    user = UserFactory()
    client.force_login(user)

    _profile(client, first_name=" Ana\u200b  María ", last_name="Pe\u0301rez\u202e")

    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Ana María", "Pérez")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_form_post_too_large_gets_a_page_saying_so(client, site):
    session = InfoSessionFactory(programme=site.programme)

    response = client.post(
        f"/en/info-sessions/{session.pk}/sign-up/", {"name": "x" * 2000}
    )

    assert response.status_code == 413
    html = response.content.decode()
    assert "larger than the site accepts" in html
    assert 'lang="en"' in html
