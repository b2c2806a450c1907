"""The public enrolment form: an organisation enrols in an edition."""

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


def test_a_free_place_confirms_and_shows_the_result(client, site, edition):
    data = form_data(modules=[site.modules[2].pk])

    response = client.post(url(edition), data, follow=True)

    enrolment = Enrolment.objects.get(edition=edition)
    assert enrolment.status == EnrolmentStatus.CONFIRMED
    assert response.redirect_chain[-1][0] == f"{url(edition)}result/"
    assert "Your enrolment is confirmed" in response.content.decode()
    chosen = {module.pk for module in enrolment.modules.all()}
    assert chosen == {site.modules[0].pk, site.modules[2].pk}
    assert enrolment.participants.count() == 2


def test_a_full_edition_puts_the_organisation_on_the_waitlist(client, edition):
    EnrolmentFactory.create_batch(2, edition=edition)
    EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.WAITLISTED, waitlist_position=1
    )

    page = client.get(url(edition)).content.decode()
    response = client.post(url(edition), form_data(), follow=True)

    assert "Join the waitlist" in page
    enrolment = Enrolment.objects.get(organisation__name="Organisation acme")
    assert enrolment.waitlist_position == 2
    html = response.content.decode()
    assert "You are on the waitlist" in html
    assert "in position 2" in html


def test_approval_editions_show_pending(client, site):
    edition = EditionFactory(programme=site.programme, requires_approval=True)

    response = client.post(url(edition), form_data(), follow=True)

    assert "Your enrolment awaits approval" in response.content.decode()


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
    assert "nothing has changed" in response.content.decode()


def test_the_result_page_is_only_for_the_browser_that_enrolled(client, edition):
    client.post(url(edition), form_data())

    client.cookies.clear()
    response = client.get(f"{url(edition)}result/")

    assert response.status_code == 302
    assert response["Location"] == url(edition)


def test_an_edition_of_an_unpublished_programme_is_not_found(client, site, edition):
    type(site.programme).objects.get(pk=site.programme.pk).unpublish()

    assert client.get(url(edition)).status_code == 404
