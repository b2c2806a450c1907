"""How an organisation is recognised again: its normalised name and its domains."""

import pytest

from learning.enrolments.services import (
    organisation_domains,
    organisation_get_or_create,
    organisation_normalise_name,
)
from learning.enrolments.services.organisations import shared_domain


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


@pytest.mark.parametrize(
    "domain", ["yahoo.es", "hotmail.es", "outlook.es", "yahoo.com.mx", "gmail.com"]
)
def test_the_maintained_list_knows_regional_free_mail_domains(domain):
    domains = organisation_domains(website="", emails=[f"ana@{domain}"])

    assert shared_domain(domain)
    assert domains == []


def test_operators_add_shared_domains_in_a_setting(settings):
    settings.LEARNING_SHARED_MAIL_DOMAINS = ["Regional-ISP.example"]

    assert organisation_domains(website="", emails=["a@regional-isp.example"]) == []


@pytest.mark.django_db
def test_get_or_create_finds_by_name_and_flags_a_new_name_on_a_known_domain():
    first = organisation_get_or_create(
        name="Red Ñandú", country="PY", website="", domains=["nandu.org"]
    )
    other = organisation_get_or_create(
        name="Other", country="", website="", domains=["x.org", "nandu.org"]
    )
    again = organisation_get_or_create(
        name="red nandu", country="", website="", domains=[]
    )

    assert again == first
    assert other != first
    assert other.possible_duplicate_of == first
    assert (first.domain, other.domain) == ("nandu.org", "")
    assert first.possible_duplicate_of is None


@pytest.mark.django_db
def test_a_website_without_a_scheme_is_kept_with_one():
    organisation = organisation_get_or_create(
        name="Abc", country="", website="abc.org", domains=["abc.org"]
    )

    assert organisation.website == "https://abc.org"
