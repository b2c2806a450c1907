"""The enrolment form refuses names with nothing visible, through the service
(issue 22, case 14)."""

import pytest

from learning.enrolments.models import Enrolment
from tests.learning.enrolments.test_views import (  # noqa: F401 (fixtures)
    edition,
    form_data,
    site,
    url,
)
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

INVISIBLE = "\u200b\u200b"


def test_an_invisible_organisation_name_is_shown_on_its_field(client, edition):  # noqa: F811
    response = client.post(url(edition), form_data(organisation_name=INVISIBLE))

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["organisation_name"]
    assert [error.code for error in errors] == ["name_invisible"]
    assert not Enrolment.objects.exists()


def test_an_invisible_representative_name_is_refused(client, edition):  # noqa: F811
    data = form_data(**{"representatives-0-name": INVISIBLE})

    response = client.post(url(edition), data)

    assert response.status_code == 200
    assert "A name needs at least one visible character." in response.content.decode()
    assert not Enrolment.objects.exists()
