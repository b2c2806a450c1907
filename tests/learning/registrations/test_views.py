"""Registering for a seminar run on the public site, and cancelling from the link."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.registrations.enums import RegistrationStatus
from learning.registrations.links import registration_token_make
from learning.registrations.models import Registration
from tests.factories import ProgrammeIndexPageFactory
from tests.factories.learning import EditionFactory
from tests.factories.registrations import (
    TARGET_GROUPS,
    RegistrationFactory,
    SeminarProgrammePageFactory,
    SeminarRunFactory,
)
from tests.learning.public_site import translate

pytestmark = pytest.mark.django_db

SPANISH_GROUPS = (
    "Funcionarios de gobiernos locales",
    "Responsables de centros de recursos para migrantes",
    "Directivos de asociaciones de la diáspora",
)
CANCEL_LINK = re.compile(r"https?://[^/\s]+(?P<path>/es/seminars/cancel/[^\s\"<]+/)")


@pytest.fixture
def programme(home_pages):
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    translate(index, "es", title="Programas")
    page = SeminarProgrammePageFactory(
        parent=index, title="Peer-to-peer seminar", slug="seminar"
    )
    translate(
        page,
        "es",
        title="Seminario entre pares",
        target_groups=[
            {"type": "target_group", "value": name, "id": block.id}
            for name, block in zip(SPANISH_GROUPS, page.target_groups, strict=True)
        ],
    )
    return page


@pytest.fixture
def run(programme):
    return SeminarRunFactory(programme=programme, places=1)


def form_data(run, email="ana@example.org", group=1, **overrides):
    data = {
        "name": "Ana Reyes",
        "email": email,
        "institution": "City of Cebu",
        "country": "Philippines",
        "language": "es",
        "target_group": run.programme.target_groups[group].id,
        "consent": "on",
    }
    data.update(overrides)
    return data


def register_url(run, language="en"):
    return f"/{language}/seminars/{run.pk}/register/"


def test_the_programme_page_offers_each_open_run_its_register_link(client, run):
    closed = SeminarRunFactory(
        programme=run.programme,
        enrolment_opens_at=timezone.now() - timedelta(days=9),
        enrolment_closes_at=timezone.now() - timedelta(days=1),
    )

    html = client.get(run.programme.url).content.decode()

    assert f'href="{register_url(run)}"' in html
    assert f'href="{register_url(closed)}"' not in html
    assert 'data-registration-state="closed"' in html


def test_the_form_offers_the_target_groups_as_radios_in_the_readers_language(
    client, run
):
    html = client.get(register_url(run, "es")).content.decode()

    assert "<fieldset" in html and "<legend>" in html
    for name, block in zip(SPANISH_GROUPS, run.programme.target_groups, strict=True):
        assert f'type="radio" name="target_group" value="{block.id}"' in html
        assert name in html
    assert TARGET_GROUPS[0] not in html


def test_registering_confirms_and_emails_the_person_in_their_language(
    client, run, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(run, "es"), form_data(run))

    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    assert 'data-registration="confirmed"' in done and "Ana Reyes" in done
    registration = Registration.objects.get()
    assert registration.target_group == run.programme.target_groups[1].id
    assert registration.status == RegistrationStatus.CONFIRMED
    [message] = mailoutbox
    assert CANCEL_LINK.search(message.body)
    assert message.attachments[0][0] == "seminar.ics"


def test_a_full_run_puts_the_next_person_on_the_waitlist(client, run):
    RegistrationFactory(edition=run)

    page = client.get(register_url(run)).content.decode()
    response = client.post(register_url(run), form_data(run), follow=True)

    assert 'data-registration-state="waitlist"' in page
    assert "Join the waitlist" in page
    assert 'data-registration="waitlisted"' in response.content.decode()
    assert Registration.objects.get(email="ana@example.org").status == (
        RegistrationStatus.WAITLISTED
    )


def test_a_refusal_is_shown_on_its_field_and_above_the_form(client, run):
    response = client.post(
        register_url(run), form_data(run, target_group="", consent="")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="form__summary" role="alert"' in html
    assert "Please accept the privacy statement." in html
    assert not Registration.objects.exists()


def test_a_missing_target_group_is_refused_on_its_field(client, run):
    response = client.post(register_url(run), form_data(run, target_group=""))

    assert response.context["form"].errors["target_group"] == [
        "Choose one of the groups this programme is for."
    ]
    assert not Registration.objects.exists()


def test_a_closed_run_shows_no_form(client, programme):
    closed = SeminarRunFactory(
        programme=programme,
        enrolment_opens_at=timezone.now() - timedelta(days=9),
        enrolment_closes_at=timezone.now() - timedelta(days=1),
    )

    html = client.get(register_url(closed)).content.decode()

    assert 'data-registration-state="closed"' in html
    assert 'name="email"' not in html


def test_only_a_seminars_runs_have_a_registration_page(client, home_pages):
    edition = EditionFactory(
        programme__parent=ProgrammeIndexPageFactory(parent=home_pages["en"])
    )

    assert client.get(register_url(edition)).status_code == 404


def test_the_link_cancels_and_gives_the_place_to_the_first_person_waiting(
    client, run, mailoutbox, django_capture_on_commit_callbacks
):
    holder = RegistrationFactory(edition=run, language="es")
    waiting = RegistrationFactory(edition=run, status=RegistrationStatus.WAITLISTED)
    link = f"/es/seminars/cancel/{registration_token_make(registration=holder)}/"

    page = client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, follow=True)

    assert 'data-registration="confirmed"' in page
    assert 'data-registration="cancelled"' in response.content.decode()
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert {m.to[0] for m in mailoutbox} == {holder.email, waiting.email}


def test_a_forged_link_is_not_found(client, run):
    holder = RegistrationFactory(edition=run)
    token = registration_token_make(registration=holder)

    assert client.get(f"/en/seminars/cancel/{token}x/").status_code == 404
