"""The site's account pages: sign in by email, passwords, the profile."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories.users import DEFAULT_PASSWORD, UserFactory
from tests.learning.participants.conftest import seat
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def signed_in_user(client):
    return client.session.get("_auth_user_id")


def test_signing_in_with_the_email_in_any_case_leads_to_my_programme(client, site):
    user = UserFactory(email="maria@example.org")

    response = client.post(
        url("accounts:login"),
        {"username": "Maria@Example.ORG", "password": DEFAULT_PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == url("participants:home")
    assert signed_in_user(client) == str(user.pk)
    assert client.get(response.url).status_code == 200


def test_my_programme_opens_in_the_users_language_after_sign_in(client, site):
    UserFactory(email="bruno@example.org", preferred_language="es")

    response = client.post(
        url("accounts:login"),
        {"username": "bruno@example.org", "password": DEFAULT_PASSWORD},
    )

    assert response.url == url("participants:home", "es")


def test_a_wrong_password_shows_an_error_and_signs_nobody_in(client, site):
    UserFactory(email="maria@example.org")

    response = client.post(
        url("accounts:login"), {"username": "maria@example.org", "password": "nope"}
    )

    assert response.status_code == 200
    assert b'role="alert"' in response.content
    assert signed_in_user(client) is None


def test_sign_in_returns_to_the_page_asked_for(client, site):
    UserFactory(email="maria@example.org")
    asked = url("accounts:profile")

    response = client.post(
        url("accounts:login") + f"?next={asked}",
        {"username": "maria@example.org", "password": DEFAULT_PASSWORD},
    )

    assert response.url == asked


def test_signing_out_takes_a_post(client, site):
    client.force_login(UserFactory())

    assert client.get(url("accounts:logout")).status_code == 405
    response = client.post(url("accounts:logout"))

    assert response.status_code == 302
    assert signed_in_user(client) is None


def test_the_header_offers_sign_in_then_my_programme_and_sign_out(client, site):
    signed_out = client.get(url("accounts:login")).content.decode()
    client.force_login(UserFactory())
    signed_in = client.get(url("accounts:profile")).content.decode()

    assert f'href="{url("accounts:login")}"' in signed_out
    assert f'href="{url("participants:home")}"' in signed_in
    assert f'action="{url("accounts:logout")}"' in signed_in


def invitation_link(user):
    return url(
        "accounts:password_set",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )


def test_the_invitation_link_sets_a_password_and_signs_in(client, site):
    user = get_user_model().objects.create_user("new@example.org")
    assert not user.has_usable_password()

    form_page = client.get(invitation_link(user), follow=True)
    assert form_page.status_code == 200
    assert b"Choose your password" in form_page.content
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-Long-pass-phrase", "new_password2": "a-Long-pass-phrase"},
    )

    assert response.status_code == 302
    assert response.url == url("participants:home")
    assert signed_in_user(client) == str(user.pk)
    user.refresh_from_db()
    assert user.check_password("a-Long-pass-phrase")


def test_a_used_invitation_link_does_not_work_again(client, site):
    user = get_user_model().objects.create_user("new@example.org")
    link = invitation_link(user)
    user.set_password("a-Long-pass-phrase")
    user.save()

    response = client.get(link, follow=True)

    assert b"This link has expired" in response.content


def test_a_reset_request_emails_a_link_in_the_users_language(
    client, site, django_capture_on_commit_callbacks
):
    UserFactory(email="bruno@example.org", preferred_language="es")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("accounts:password_reset"), {"email": "bruno@example.org"}
        )

    assert response.url == url("accounts:password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["bruno@example.org"]
    assert message.alternatives[0][1] == "text/html"
    link = next(w for w in message.body.split() if "/password/set/" in w)
    assert urlsplit(link).path.startswith("/es/")
    assert client.get(link, follow=True).context["validlink"]


def test_a_reset_request_for_an_unknown_address_looks_the_same(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("accounts:password_reset"), {"email": "nobody@example.org"}
        )

    assert response.url == url("accounts:password_reset_done")
    assert mail.outbox == []


def test_the_profile_needs_a_signed_in_user(client, site):
    response = client.get(url("accounts:profile"))

    assert urlsplit(response.url).path == url("accounts:login")


def test_the_profile_changes_language_and_zone_and_meeting_times_follow(client, site):
    start = timezone.now() + timedelta(days=3)
    place = seat(site, email="ana@example.org", start=start, title="Edition A")
    user = place.participant.user
    client.force_login(user)

    response = client.post(
        url("accounts:profile"),
        {
            "first_name": "Ana",
            "last_name": "Pérez",
            "preferred_language": "es",
            "time_zone": "America/Lima",
        },
    )

    assert response.url == url("accounts:profile", "es")
    assert response.cookies["django_language"].value == "es"
    user.refresh_from_db()
    assert (user.first_name, user.preferred_language, user.time_zone) == (
        "Ana",
        "es",
        "America/Lima",
    )
    html = client.get(url("participants:home", "es")).content.decode()
    lima = start.astimezone(timezone.get_fixed_timezone(-300))
    assert "hora de Perú" in html  # America/Lima, named in Spanish
    assert lima.strftime("%H:%M") in html


def test_an_unknown_time_zone_is_refused(client, site):
    user = UserFactory(time_zone="Europe/Madrid")
    client.force_login(user)

    response = client.post(
        url("accounts:profile"),
        {
            "first_name": "A",
            "last_name": "B",
            "preferred_language": "en",
            "time_zone": "Mars/Olympus",
        },
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.time_zone == "Europe/Madrid"


def test_someone_who_never_chose_a_password_can_ask_for_a_link(
    client, site, django_capture_on_commit_callbacks
):
    get_user_model().objects.create_user("invited@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("accounts:password_reset"), {"email": "Invited@example.org"})

    (message,) = mail.outbox
    assert message.to == ["invited@example.org"]
