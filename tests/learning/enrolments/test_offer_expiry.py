"""An offered place is held for LEARNING_OFFER_HOURS; unanswered by then it lapses
and goes to the next organisation, once, by the scheduled job or the service."""

import re
from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment
from learning.enrolments.offers import offer_deadline
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_create,
    enrolment_offer_accept,
    enrolment_offer_decline,
    enrolment_withdraw,
    offers_expire,
)
from tests.factories.learning import EditionFactory
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)
from tests.learning.scheduling.clock import runs_of, tick_at

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://\S+/editions/offers/\S+/(?:accept|decline)/")
ZONE = "America/Lima"


def _enrol(edition, key, language):
    people = [
        RepresentativeInput(
            name=f"Person {i}",
            email=f"person{i}@{key}.example.org",
            preferred_language=language,
        )
        for i in (1, 2)
    ]
    return enrolment_create(
        edition=edition,
        organisation_name=f"Organisation {key}",
        organisation_country="Peru",
        representatives=people,
        module_ids=[],
        consent=True,
    ).enrolment


def _by_key(key):
    return Enrolment.objects.get(organisation__name=f"Organisation {key}")


def _mails_to(mailoutbox, key):
    return [m for m in mailoutbox if m.to == [f"person1@{key}.example.org"]]


@pytest.fixture
def offered_at():
    """When `second` (Spanish speakers) was offered the edition's one place."""
    return timezone.now().replace(minute=0, second=0, microsecond=0)


@pytest.fixture
def offered(
    public_site,  # noqa: F811
    offered_at,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    """One place in an edition in Lima time: `first` withdrew at `offered_at`,
    so `second` is offered it; `third` waits next. Returns `second`."""
    edition = EditionFactory(programme=public_site.programme, places=1, time_zone=ZONE)
    first = _enrol(edition, "first", "en")
    _enrol(edition, "second", "es")
    _enrol(edition, "third", "en")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_withdraw(enrolment=first, now=offered_at)
    return _by_key("second")


def _deadline_words(moment, language):
    """The deadline as an email in `language` writes it, in the edition's zone."""
    local = moment.astimezone(ZoneInfo(ZONE))
    with translation.override(language):
        return date_format(local, "DATE_FORMAT"), f"{local:%H:%M}"


def test_the_deadline_is_the_offer_plus_the_configured_hours(offered, offered_at):
    assert offer_deadline(enrolment=offered) == offered_at + timedelta(hours=72)
    with override_settings(LEARNING_OFFER_HOURS=24):
        assert offer_deadline(enrolment=offered) == offered_at + timedelta(hours=24)


def test_before_the_deadline_nothing_lapses(offered, offered_at):
    lapsed = offers_expire(now=offered_at + timedelta(hours=72) - timedelta(seconds=1))

    offered.refresh_from_db()
    assert lapsed == []
    assert offered.status == EnrolmentStatus.OFFERED
    assert _by_key("third").status == EnrolmentStatus.WAITLISTED


def test_at_the_deadline_the_offer_lapses_and_the_place_goes_onward_once(
    offered, offered_at, django_capture_on_commit_callbacks, mailoutbox
):
    deadline = offered_at + timedelta(hours=72)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first_run = offers_expire(now=deadline)
        second_run = offers_expire(now=deadline + timedelta(minutes=15))

    offered.refresh_from_db()
    third = _by_key("third")
    assert [e.pk for e in first_run] == [offered.pk] and second_run == []
    assert offered.status == EnrolmentStatus.OFFER_EXPIRED
    assert not offered.participants.filter(is_active=True).exists()
    assert third.status == EnrolmentStatus.OFFERED
    assert third.promoted_at == deadline
    entry = ModelLogEntry.objects.get(action="enrolments.offer_expire")
    assert entry.object_id == str(offered.pk) and entry.user is None
    assert len(_mails_to(mailoutbox, "second")) == 1
    assert len(_mails_to(mailoutbox, "third")) == 1


def test_the_job_lapses_the_offer_on_the_first_quarter_hour_at_its_deadline(
    offered, offered_at, django_capture_on_commit_callbacks, mailoutbox
):
    deadline = offered_at + timedelta(hours=72)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        tick_at(deadline - timedelta(minutes=15))
        before = Enrolment.objects.get(pk=offered.pk).status
        tick_at(deadline + timedelta(seconds=20))
        tick_at(deadline + timedelta(minutes=15, seconds=20))

    offered.refresh_from_db()
    runs = runs_of("enrolment_offers_expire")
    assert before == EnrolmentStatus.OFFERED
    assert offered.status == EnrolmentStatus.OFFER_EXPIRED
    assert _by_key("third").status == EnrolmentStatus.OFFERED
    assert [run.due_at for run in runs] == [
        deadline - timedelta(minutes=15),
        deadline,
        deadline + timedelta(minutes=15),
    ]
    # The next organisation is offered the place once, however often the job runs.
    assert len(_mails_to(mailoutbox, "third")) == 1
    assert ModelLogEntry.objects.filter(action="enrolments.offer_expire").count() == 1


def test_the_offer_email_states_the_deadline_in_the_edition_zone_and_language(
    offered, offered_at, mailoutbox
):
    (mail,) = _mails_to(mailoutbox, "second")
    date, time = _deadline_words(offered_at + timedelta(hours=72), "es")

    assert date in mail.body and time in mail.body
    assert "(hora de Perú)" in mail.body
    assert date in mail.alternatives[0][0]


def test_the_offer_email_in_spanish_says_until_when_the_place_is_held(
    offered, offered_at, mailoutbox
):
    """Needs the Spanish catalogue (es_pending/offers.json merged)."""
    (mail,) = _mails_to(mailoutbox, "second")
    date, time = _deadline_words(offered_at + timedelta(hours=72), "es")

    assert f"El lugar se les reserva hasta el {date} a las {time}" in mail.body


def test_the_lapsed_organisation_is_told_in_its_language(
    offered, offered_at, django_capture_on_commit_callbacks, mailoutbox
):
    """Needs the Spanish catalogue (es_pending/offers.json merged)."""
    deadline = offered_at + timedelta(hours=72)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        offers_expire(now=deadline)

    (mail,) = _mails_to(mailoutbox, "second")
    date, time = _deadline_words(deadline, "es")
    assert mail.subject.startswith("Venció el lugar que se les ofreció en")
    assert f"no se respondió antes del {date} a las {time}" in mail.body
    assert not LINK.search(mail.body)


def test_the_english_speakers_offer_email_states_its_own_deadline(
    offered, offered_at, django_capture_on_commit_callbacks, mailoutbox
):
    deadline = offered_at + timedelta(hours=72)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        offers_expire(now=deadline)

    (mail,) = _mails_to(mailoutbox, "third")
    date, time = _deadline_words(deadline + timedelta(hours=72), "en")
    assert f"held for you until {date} at {time} (Peru Time)" in mail.body
    assert LINK.search(mail.body)


@pytest.mark.parametrize("answer", [enrolment_offer_accept, enrolment_offer_decline])
def test_an_answer_after_the_deadline_is_refused_as_lapsed(offered, offered_at, answer):
    deadline = offered_at + timedelta(hours=72)

    with pytest.raises(ValidationError) as before_the_job:
        answer(enrolment=offered, now=deadline)
    offers_expire(now=deadline)
    with pytest.raises(ValidationError) as after_the_job:
        answer(enrolment=offered, now=deadline + timedelta(hours=1))

    offered.refresh_from_db()
    assert before_the_job.value.code == after_the_job.value.code == "offer_expired"
    assert offered.status == EnrolmentStatus.OFFER_EXPIRED


def test_an_answer_just_before_the_deadline_is_taken(offered, offered_at):
    deadline = offered_at + timedelta(hours=72)

    enrolment_offer_accept(enrolment=offered, now=deadline - timedelta(seconds=1))
    offers_expire(now=deadline)

    offered.refresh_from_db()
    assert offered.status == EnrolmentStatus.CONFIRMED


def _accept_path(mailoutbox):
    (mail,) = _mails_to(mailoutbox, "second")
    return urlsplit(LINK.findall(mail.body)[0]).path


def test_the_offer_page_says_until_when_the_place_is_held(
    client, offered, offered_at, mailoutbox
):
    response = client.get(_accept_path(mailoutbox).replace("/es/", "/en/", 1))

    date, time = _deadline_words(offered_at + timedelta(hours=72), "en")
    page = response.content.decode()
    assert 'data-offer-state="ask"' in page
    assert f"held until {date} at {time} (Peru Time)" in page


def test_the_accept_link_after_the_deadline_says_the_offer_lapsed(
    client, offered, offered_at, mailoutbox, time_machine
):
    path = _accept_path(mailoutbox).replace("/es/", "/en/", 1)
    time_machine.move_to(offered_at + timedelta(hours=72, minutes=1), tick=False)

    asked = client.get(path)
    answered = client.post(path)

    offered.refresh_from_db()
    for response in (asked, answered):
        page = response.content.decode()
        assert 'data-offer-state="lapsed"' in page
        assert "This offer has lapsed" in page
        assert 'method="post"' not in page
    assert offered.status == EnrolmentStatus.OFFERED


def test_the_api_refuses_a_lapsed_offer_with_its_code(
    client, offered, offered_at, mailoutbox, time_machine
):
    token = _accept_path(mailoutbox).split("/offers/")[1].split("/")[0]
    time_machine.move_to(offered_at + timedelta(hours=73), tick=False)

    response = client.post(f"/api/v1/enrolment-offers/{token}/accept/")

    offered.refresh_from_db()
    assert response.status_code == 400
    assert response.json()["code"] == "offer_expired"
    assert offered.status == EnrolmentStatus.OFFERED
