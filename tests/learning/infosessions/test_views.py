"""Signing up for an information session on the public site."""

import pytest

from learning.infosessions.models import InfoSessionRegistration
from tests.factories.learning import InfoSessionFactory
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


@pytest.fixture
def session(site):
    return InfoSessionFactory(programme=site.programme, capacity=2, title="Meet us")


def url(session, language="en"):
    return f"/{language}/info-sessions/{session.pk}/sign-up/"


def form_data(email="ana@example.org", **overrides):
    data = {
        "name": "Ana Pérez",
        "email": email,
        "organisation": "Fundación Uno",
        "country": "Colombia",
        "language": "es",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_the_programme_page_links_to_the_sign_up(client, site, session):
    html = client.get(site.programme_es.url).content.decode()

    assert "Meet us" in html
    assert f'href="{url(session, "es")}"' in html


def test_signing_up_shows_the_confirmation(
    client, session, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(session, "es"), form_data(), follow=True)

    assert response.redirect_chain[-1][0] == f"{url(session, 'es')}done/"
    assert "Ana Pérez" in response.content.decode()
    registration = InfoSessionRegistration.objects.get()
    assert registration.language == "es"
    assert [message.to for message in mailoutbox] == [["ana@example.org"]]


def test_signing_up_twice_keeps_one_registration_and_one_email(
    client, session, mailoutbox, django_capture_on_commit_callbacks
):
    # A repeat shows the same confirmation and sends no second email.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session), form_data())
        response = client.post(url(session), form_data(email="ANA@example.org "))

    assert response.status_code == 302
    assert InfoSessionRegistration.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_full_session_says_so_and_keeps_the_input(client, session):
    client.post(url(session), form_data(email="one@example.org"))
    client.post(url(session), form_data(email="two@example.org"))

    response = client.post(url(session), form_data(email="three@example.org"))

    html = response.content.decode()
    assert "This information session is full." in html
    assert 'value="three@example.org"' in html
    assert 'value="Fundación Uno"' in html
    assert InfoSessionRegistration.objects.count() == 2


def test_without_consent_nothing_is_recorded(client, session):
    response = client.post(url(session), form_data(consent=""))

    assert "Please accept the privacy statement." in response.content.decode()
    assert not InfoSessionRegistration.objects.exists()


def test_the_confirmation_is_only_for_the_browser_that_signed_up(client, session):
    assert client.get(f"{url(session)}done/").status_code == 302


def test_a_repeat_with_someone_elses_email_shows_only_what_was_typed(
    client, session, mailoutbox, django_capture_on_commit_callbacks
):
    # Issue 22, case 3: the confirmation named the address's first registrant.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session), form_data())
    stranger = client.__class__()

    with django_capture_on_commit_callbacks(execute=True):
        response = stranger.post(
            url(session), form_data(name="Mallory", language="en"), follow=True
        )

    html = response.content.decode()
    assert "Thank you, Mallory" in html
    assert "Ana Pérez" not in html
    assert [message.to for message in mailoutbox] == [["ana@example.org"]]


@pytest.mark.parametrize("field", ["name", "organisation"])
def test_an_invisible_name_is_refused_on_the_form(client, session, field):
    response = client.post(url(session), form_data(**{field: "\u200b\u200b"}))

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()[field]
    assert [error.code for error in errors] == ["name_invisible"]
    assert not InfoSessionRegistration.objects.exists()
