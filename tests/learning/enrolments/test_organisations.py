"""How an organisation is recognised again: its normalised name and its domains."""

import pytest

from learning.enrolments.services import (
    organisation_domains,
    organisation_get_or_create,
    organisation_normalise_name,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fundación Ñandú, A.C.", "fundacion nandu a c"),
        ("  ASSOCIATION   Élan_vital ", "association elan vital"),
        ("Straße e.V.", "strasse e v"),
        ("---", ""),
    ],
)
def test_names_are_compared_without_case_accents_or_punctuation(name, expected):
    assert organisation_normalise_name(name) == expected


def test_domains_come_from_the_website_then_the_emails_without_webmail():
    domains = organisation_domains(
        website="www.Example.org/about",
        emails=["a@example.org", "b@GMAIL.com", "c@partner.net"],
    )

    assert domains == ["example.org", "partner.net"]


@pytest.mark.django_db
def test_get_or_create_finds_by_name_first_then_by_domain():
    by_name = organisation_get_or_create(
        name="Red Ñandú", country="PY", website="", domains=["nandu.org"]
    )
    by_domain = organisation_get_or_create(
        name="Other", country="", website="", domains=["x.org", "nandu.org"]
    )
    again = organisation_get_or_create(
        name="red nandu", country="", website="", domains=[]
    )

    assert by_name == by_domain == again
    assert by_name.website == ""
    assert by_name.domain == "nandu.org"


@pytest.mark.django_db
def test_a_website_without_a_scheme_is_kept_with_one():
    organisation = organisation_get_or_create(
        name="Abc", country="", website="abc.org", domains=["abc.org"]
    )

    assert organisation.website == "https://abc.org"
