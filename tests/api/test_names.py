"""Names with nothing visible are refused by every API write that takes one
(issue 22, case 14)."""

import pytest

from learning.enrolments.models import Enrolment
from tests.api.roles import LEARNING_CLIENT, caller

pytestmark = pytest.mark.django_db

INVISIBLE = "\u200b\u200b"


def _enrolment_body(world, **overrides):
    body = {
        "organisation_name": "Fundación Uno",
        "organisation_country": "Kenya",
        "representatives": [
            {"name": f"Person {i}", "email": f"person{i}@uno.example.org"}
            for i in (1, 2)
        ],
        "module_ids": [world.tree.modules[0].pk],
        "consent": True,
    }
    body.update(overrides)
    return body


def _enrol(world, body):
    return caller(world, LEARNING_CLIENT).post(
        f"/api/v1/editions/{world.edition_a.pk}/enrolments/", body, format="json"
    )


def test_an_invisible_organisation_name_is_refused(world):
    response = _enrol(world, _enrolment_body(world, organisation_name=INVISIBLE))

    assert response.status_code == 400
    codes = [e["code"] for e in response.json()["fields"]["organisation_name"]]
    assert codes == ["name_invisible"]
    assert Enrolment.objects.filter(edition=world.edition_a).count() == 1


def test_an_invisible_representative_name_is_refused(world):
    people = [
        {"name": INVISIBLE, "email": "one@uno.example.org"},
        {"name": "Person 2", "email": "two@uno.example.org"},
    ]

    response = _enrol(world, _enrolment_body(world, representatives=people))

    assert response.status_code == 400
    codes = [e["code"] for e in response.json()["fields"]["representatives"]]
    assert codes == ["name_invisible"]
    assert Enrolment.objects.filter(edition=world.edition_a).count() == 1
