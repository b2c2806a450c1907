"""The public enrolment form: an organisation enrols in an edition."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Participant
from tests.factories.learning import EditionFactory, EnrolmentFactory
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


@pytest.fixture
def edition(site):
    return EditionFactory(programme=site.programme, places=2, title="Spring 2027")


def url(edition, language="en"):
    return f"/{language}/editions/{edition.pk}/enrol/"


def form_data(key="acme", people=2, modules=(), consent=True, **overrides):
    data = {
        "organisation_name": f"Organisation {key}",
        "organisation_country": "Kenya",
        "organisation_website": f"{key}.example.org",
        "submission_key": "",
        "representatives-TOTAL_FORMS": str(max(people, 3)),
        "representatives-INITIAL_FORMS": "0",
        "representatives-MIN_NUM_FORMS": "0",
        "representatives-MAX_NUM_FORMS": "3",
    }
    for i in range(max(people, 3)):
        data[f"representatives-{i}-preferred_language"] = "en"
    for i in range(people):
        data[f"representatives-{i}-name"] = f"Person {i} of {key}"
        data[f"representatives-{i}-email"] = f"person{i}@{key}.example.org"
        data[f"representatives-{i}-role"] = "Director"
    data["modules"] = [str(pk) for pk in modules]
    if consent:
        data["consent"] = "on"
    data.update(overrides)
    return data


def test_the_form_offers_module_one_ticked_and_locked(client, site, edition):
    response = client.get(url(edition, "es"))

    html = response.content.decode()
    assert response.status_code == 200
    module_one = site.modules[0].pk
    assert f'value="{module_one}"' in html
    option = html[html.index(f'value="{module_one}"') - 200 :][:400]
    assert "disabled" in option and "checked" in option
    assert "Módulo 2 en español" in html
    assert 'href="/es/privacidad/"' in html
    assert html.count('name="representatives-') >= 3 * 4


THANKS = "Thank you: we have your enrolment request"


def _page(response):
    """The page without what changes on every response (CSRF token, CSP nonce)."""
    return re.sub(r'(value|nonce)="[^"]*"', "", response.content.decode())


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the emails that a block's submissions enqueue."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_free_place_confirms_and_the_status_goes_by_email(
    client, site, edition, sent, mailoutbox
):
    data = form_data(modules=[site.modules[2].pk])

    with sent():
        response = client.post(url(edition), data, follow=True)

    enrolment = Enrolment.objects.get(edition=edition)
    assert enrolment.status == EnrolmentStatus.CONFIRMED
    assert response.redirect_chain[-1][0] == f"{url(edition)}result/"
    assert THANKS in response.content.decode()
    chosen = {module.pk for module in enrolment.modules.all()}
    assert chosen == {site.modules[0].pk, site.modules[2].pk}
    assert enrolment.participants.count() == 2
    assert len(mailoutbox) == 2
    assert "is confirmed" in mailoutbox[0].body


def test_a_full_edition_puts_the_organisation_on_the_waitlist(
    client, edition, sent, mailoutbox
):
    EnrolmentFactory.create_batch(2, edition=edition)
    EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.WAITLISTED, waitlist_position=1
    )

    page = client.get(url(edition)).content.decode()
    with sent():
        response = client.post(url(edition), form_data(), follow=True)

    assert "Join the waitlist" in page
    enrolment = Enrolment.objects.get(organisation__name="Organisation acme")
    assert enrolment.waitlist_position == 2
    html = response.content.decode()
    assert THANKS in html
    assert "position" not in html
    assert "on the waitlist in position 2" in mailoutbox[0].body


def test_approval_editions_hold_the_place_pending(client, site):
    edition = EditionFactory(programme=site.programme, requires_approval=True)

    response = client.post(url(edition), form_data(), follow=True)

    assert THANKS in response.content.decode()
    enrolment = Enrolment.objects.get(edition=edition)
    assert enrolment.status == EnrolmentStatus.PENDING_APPROVAL


def test_a_second_organisation_on_a_public_mail_domain_is_enrolled_and_told_nothing(
    client, edition
):
    def webmail(key, name):
        people = {f"representatives-{i}-email": f"{key}{i}@yahoo.es" for i in range(2)}
        return form_data(key, organisation_name=name, **people)

    client.post(url(edition), webmail("alpha", "Alpha"))
    client.cookies.clear()
    response = client.post(url(edition), webmail("beta", "Beta"), follow=True)

    html = response.content.decode()
    names = set(Enrolment.objects.values_list("organisation__name", flat=True))
    assert names == {"Alpha", "Beta"}
    assert THANKS in html
    assert "Alpha" not in html


def test_a_repeat_gets_the_same_page_and_only_those_on_record_an_email(
    client, edition, sent, mailoutbox
):
    first = client.post(url(edition), form_data(), follow=True)
    people = {f"representatives-{i}-email": f"eve{i}@other.example.net" for i in (0, 1)}
    client.cookies.clear()
    with sent():
        again = client.post(url(edition), form_data(**people), follow=True)

    assert _page(again) == _page(first)
    assert Enrolment.objects.count() == 1
    assert sorted(m.to[0] for m in mailoutbox) == [
        "person0@acme.example.org",
        "person1@acme.example.org",
    ]
    assert "was sent again" in mailoutbox[0].subject


@pytest.mark.parametrize(
    ("people", "message"),
    [(1, "at least 2 representatives"), (4, "at most 3 representatives")],
)
def test_representative_count_errors_keep_the_input(client, edition, people, message):
    response = client.post(url(edition), form_data(people=people))

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Organisation acme"' in html
    assert 'value="person0@acme.example.org"' in html
    assert not Enrolment.objects.exists()


def test_a_person_already_in_the_edition_is_refused(client, edition):
    # A shared mail domain, so that the second organisation is not taken for the first.
    first = form_data(key="first", **{"representatives-1-email": "ana@gmail.com"})
    client.post(url(edition), first)
    data = form_data(key="second", **{"representatives-1-email": "ana@gmail.com"})

    response = client.post(url(edition), data)

    assert "already represents an organisation" in response.content.decode()
    assert Enrolment.objects.count() == 1


def test_without_consent_the_form_asks_for_it(client, edition):
    response = client.post(url(edition), form_data(consent=False))

    html = response.content.decode()
    assert "Please accept the privacy statement." in html
    assert 'value="Organisation acme"' in html
    assert not Enrolment.objects.exists()


def test_outside_the_window_nothing_is_recorded(client, site):
    closed = EditionFactory(
        programme=site.programme,
        enrolment_opens_at=timezone.now() - timedelta(days=20),
        enrolment_closes_at=timezone.now() - timedelta(days=1),
    )

    page = client.get(url(closed)).content.decode()
    response = client.post(url(closed), form_data())

    assert '<form class="form"' not in page
    assert "Enrolment for this edition is closed." in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_double_submission_records_one_enrolment(client, edition):
    data = form_data(submission_key="abc123")

    client.post(url(edition), data)
    response = client.post(url(edition), data, follow=True)

    assert Enrolment.objects.count() == 1
    assert Participant.objects.count() == 2
    assert THANKS in response.content.decode()


def test_the_result_page_is_only_for_the_browser_that_enrolled(client, edition):
    client.post(url(edition), form_data())

    client.cookies.clear()
    response = client.get(f"{url(edition)}result/")

    assert response.status_code == 302
    assert response["Location"] == url(edition)


def test_an_edition_of_an_unpublished_programme_is_not_found(client, site, edition):
    type(site.programme).objects.get(pk=site.programme.pk).unpublish()

    assert client.get(url(edition)).status_code == 404
