"""A member's side of a call on the site: the call page, the form, "My proposals"."""

from datetime import UTC, date, timedelta

import pytest
from django.utils import timezone

from learning.core.localization import time_zone_name
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import Proposal
from tests.factories.events import EventPageFactory
from tests.factories.learning import OrganisationFactory
from tests.factories.proposals import (
    MembershipFactory,
    ProposalFactory,
    ProposalQuestionFactory,
)
from tests.factories.users import UserFactory
from tests.learning.proposals.call_site import call_site  # noqa: F401 (a fixture)


@pytest.fixture
def site(call_site, db):  # noqa: F811
    return call_site


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the email tasks) of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def member(site):
    return MembershipFactory(programme=site.programme).user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def form_data(action="save", **overrides):
    data = {
        "title": "Listening to feminist partners",
        "language": "en",
        "summary": "How we changed our grant making.",
        "lessons_learned": "Consultation came too late at first.",
        "results": "Partners co-design the programme.",
        "partners": "",
        "session_languages": ["en", "es"],
        "preferred_month": "2027-03",
        "alignment": "on",
        "action": action,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def create_url(call, language="en"):
    return f"/{language}/proposals/call/{call.pk}/new/"


# The call page ---------------------------------------------------------------


def test_the_call_page_shows_dates_rubric_and_sign_in_to_visitors(client, site):
    response = client.get(site.call.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-call-state="open"' in html
    # The closing moment in the call's zone, named, and in UTC.
    assert time_zone_name("America/Bogota", language="en") in html
    assert f"{site.call.closes_at.astimezone(UTC):%H:%M} UTC" in html
    assert f'datetime="{site.call.closes_at.astimezone(UTC).isoformat()}' in html
    for name, weight in (("Relevance", 3), ("Lessons learned", 2), ("Feasibility", 1)):
        assert name in html
        assert f"Weight {weight}" in html
    assert "data-sign-in" in html
    assert f"next=/en/proposals/call/{site.call.pk}/new/" in html.replace("%2F", "/")
    assert "data-propose" not in html


def test_the_call_page_offers_members_to_propose_and_tells_others_why_not(
    client, site, member
):
    client.force_login(member)
    html = client.get(site.call.url).content.decode()
    assert "data-propose" in html
    assert create_url(site.call) in html

    client.force_login(UserFactory())
    html = client.get(site.call.url).content.decode()
    assert "data-propose" not in html
    assert "data-not-member" in html


def test_the_spanish_call_page_rewords_the_rubric_but_keeps_its_weights(client, site):
    html = client.get(site.call_es.url).content.decode()

    assert "<h3>Pertinencia <span" in html
    assert "<h3>Relevance <span" not in html
    assert "<h3>Feasibility <span" in html  # not translated yet: the source's words
    assert "Peso 3" in html
    assert 'lang="es"' in html


def test_a_closed_call_says_so_and_offers_no_form(client, site, member):
    site.call.closes_at = timezone.now() - timedelta(hours=1)
    site.call.save_revision().publish()
    client.force_login(member)

    html = client.get(site.call.url).content.decode()

    assert 'data-call-state="closed"' in html
    assert "data-propose" not in html
    # A form opened before the close cannot send a proposal after it.
    response = client.post(create_url(site.call), form_data(action="submit"))
    assert response.status_code == 400
    assert "data-proposal-form" not in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_programme_page_links_its_open_call(client, site):
    html = client.get(site.programme.url).content.decode()

    assert "data-calls" in html
    assert site.call.url in html


# The form --------------------------------------------------------------------


def test_visitors_are_sent_to_sign_in_and_non_members_refused(client, site):
    response = client.get(create_url(site.call))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]

    client.force_login(UserFactory())
    response = client.get(create_url(site.call))
    assert response.status_code == 403
    assert "data-not-member" in response.content.decode()


def test_a_member_saves_a_draft_then_submits_it(
    member_client, member, site, mailoutbox, commit
):
    response = member_client.post(create_url(site.call), form_data(action="save"))

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/proposals/{proposal.pk}/"
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.preferred_month == date(2027, 3, 1)
    assert proposal.session_languages == ["en", "es"]
    assert mailoutbox == []

    edit = f"/en/proposals/{proposal.pk}/edit/"
    page = member_client.get(edit).content.decode()
    assert 'value="2027-03"' in page  # the month picker shows the saved month
    assert site.call.alignment_statement in page
    with commit():
        response = member_client.post(edit, form_data(action="submit", title="Final"))

    proposal.refresh_from_db()
    assert response.status_code == 302
    assert (proposal.title, proposal.status) == ("Final", ProposalStatus.SUBMITTED)
    [message] = mailoutbox
    assert message.to == [member.email]
    detail = member_client.get(response["Location"]).content.decode()
    assert 'data-status="submitted"' in detail


def test_submitting_without_alignment_or_fields_shows_errors_and_saves_nothing(
    member_client, site
):
    response = member_client.post(
        create_url(site.call),
        form_data(action="submit", alignment=None, results="", preferred_month=""),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "data-error-summary" in html
    assert 'href="#id_alignment"' in html
    assert 'href="#id_results"' in html
    assert 'href="#id_preferred_month"' in html
    assert not Proposal.objects.exists()


def test_a_month_that_is_not_one_is_refused(member_client, site):
    response = member_client.post(
        create_url(site.call), form_data(preferred_month="2027-13")
    )

    assert response.status_code == 400
    assert "Enter a month as year and month" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_spanish_member_reads_the_form_and_errors_in_spanish(member_client, site):
    response = member_client.post(
        create_url(site.call_es, "es"), form_data(action="submit", alignment=None)
    )

    html = response.content.decode()
    assert "Confirme que la sesión está alineada con la convocatoria." in html
    assert "La sesión está alineada con la misión." in html  # the call's statement


# My proposals, answers, withdrawal --------------------------------------------


def test_members_see_their_organisations_proposals_and_nobody_elses(client, site):
    mine = ProposalFactory(call=site.call, submitted=True)
    colleague = MembershipFactory(
        programme=site.programme, organisation=mine.organisation
    ).user
    theirs = ProposalFactory(call=site.call, organisation=OrganisationFactory())
    client.force_login(colleague)

    html = client.get("/en/proposals/").content.decode()

    assert f'data-proposal="{mine.pk}"' in html
    assert f'data-proposal="{theirs.pk}"' not in html
    for path in ("", "edit/", "withdraw/"):
        assert client.get(f"/en/proposals/{theirs.pk}/{path}").status_code == 404
    assert client.get(f"/en/proposals/{mine.pk}/").status_code == 200


def test_a_member_answers_the_secretariats_question(client, site, mailoutbox, commit):
    question = ProposalQuestionFactory(
        proposal=ProposalFactory(call=site.call, submitted=True)
    )
    client.force_login(question.proposal.proposer)
    detail = f"/en/proposals/{question.proposal.pk}/"
    assert question.question in client.get(detail).content.decode()

    with commit():
        response = client.post(
            f"/en/proposals/questions/{question.pk}/answer/",
            {f"question-{question.pk}-answer": "Our director will facilitate."},
        )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "Our director will facilitate."
    [message] = mailoutbox
    assert message.to == [question.asked_by.email]
    html = client.get(detail).content.decode()
    assert "data-answer" in html


def test_another_organisation_cannot_answer(client, site):
    question = ProposalQuestionFactory(
        proposal=ProposalFactory(call=site.call, submitted=True)
    )
    client.force_login(MembershipFactory(programme=site.programme).user)

    response = client.post(
        f"/en/proposals/questions/{question.pk}/answer/",
        {f"question-{question.pk}-answer": "Not ours"},
    )

    assert response.status_code == 404
    question.refresh_from_db()
    assert question.answered_at is None


def test_withdrawing_asks_first_then_withdraws_on_post(client, site):
    proposal = ProposalFactory(call=site.call, submitted=True)
    client.force_login(proposal.proposer)
    url = f"/en/proposals/{proposal.pk}/withdraw/"

    assert "data-confirm-withdraw" in client.get(url).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED

    response = client.post(url)
    proposal.refresh_from_db()
    assert response.status_code == 302
    assert proposal.status == ProposalStatus.WITHDRAWN


def test_a_decided_proposal_shows_the_message_and_the_session_link(client, site):
    session = EventPageFactory(parent=site.programme, title="Listening session")
    proposal = ProposalFactory(
        call=site.call,
        submitted=True,
        status=ProposalStatus.ACCEPTED,
        decision_message="Welcome aboard.",
        session_page=session,
    )
    client.force_login(proposal.proposer)

    html = client.get(f"/en/proposals/{proposal.pk}/").content.decode()

    assert "Welcome aboard." in html
    assert "data-session-page" in html
    assert session.url in html
    assert "data-withdraw" not in html
    response = client.post(f"/en/proposals/{proposal.pk}/withdraw/")
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
