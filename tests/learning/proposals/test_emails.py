"""The proposal emails: to whom, in which language, with which absolute links."""

import pytest
from django.conf import settings

from learning.proposals.enums import ProposalStatus
from learning.proposals.tasks import (
    proposal_answer_notify,
    proposal_decision_notify,
    proposal_question_notify,
    proposal_submitted_notify,
)
from tests.factories.events import EventPageFactory
from tests.factories.proposals import ProposalFactory, ProposalQuestionFactory
from tests.factories.users import SuperUserFactory, UserFactory
from tests.learning.proposals.call_site import call_site  # noqa: F401 (a fixture)

SITE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@pytest.fixture
def site(call_site, db):  # noqa: F811
    return call_site


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_the_proposer_is_told_a_submission_arrived_with_its_link(site, mailoutbox):
    proposer = UserFactory(first_name="Ana", last_name="Ruiz")
    proposal = ProposalFactory(call=site.call, proposer=proposer, submitted=True)

    proposal_submitted_notify.call(proposal_id=proposal.pk)

    [message] = mailoutbox
    link = f"{SITE}/en/proposals/{proposal.pk}/"
    assert message.to == [proposer.email]
    assert proposal.title in message.subject
    assert "Hello Ana Ruiz," in message.body
    assert "Call for sessions 2027" in message.body
    assert "What happens next" in message.body
    assert link in message.body
    assert f'href="{link}"' in html_of(message)


def test_a_spanish_proposer_reads_spanish_links_and_the_spanish_call(site, mailoutbox):
    proposer = UserFactory(first_name="Ana", preferred_language="es")
    proposal = ProposalFactory(call=site.call, proposer=proposer, submitted=True)

    proposal_submitted_notify.call(proposal_id=proposal.pk)

    [message] = mailoutbox
    assert message.body.startswith(f"Hola, {proposer.get_full_name()}:")
    assert f"{SITE}/es/proposals/{proposal.pk}/" in message.body
    assert "Convocatoria de sesiones 2027" in message.body
    assert 'lang="es"' in html_of(message)


def test_the_spanish_subject_and_next_steps_after_the_merge(site, mailoutbox):
    proposer = UserFactory(preferred_language="es")
    proposal = ProposalFactory(call=site.call, proposer=proposer, submitted=True)

    proposal_submitted_notify.call(proposal_id=proposal.pk)

    [message] = mailoutbox
    assert message.subject == f"Recibimos su propuesta «{proposal.title}»"
    assert "Qué sigue" in message.body


def test_without_an_account_language_the_proposals_language_is_used(site, mailoutbox):
    proposer = UserFactory(preferred_language="")
    proposal = ProposalFactory(
        call=site.call, proposer=proposer, language="es", submitted=True
    )

    proposal_submitted_notify.call(proposal_id=proposal.pk)

    [message] = mailoutbox
    assert f"{SITE}/es/proposals/{proposal.pk}/" in message.body


def test_a_question_reaches_the_proposer_with_a_link_to_answer(site, mailoutbox):
    question = ProposalQuestionFactory(
        proposal=ProposalFactory(call=site.call, submitted=True),
        question="Who would facilitate the session?",
    )

    proposal_question_notify.call(question_id=question.pk)

    [message] = mailoutbox
    assert message.to == [question.proposal.proposer.email]
    assert "Who would facilitate the session?" in message.body
    link = f"{SITE}/en/proposals/{question.proposal.pk}/#question-{question.pk}"
    assert f'href="{link}"' in html_of(message)


def test_the_asker_learns_the_answer_with_a_link_to_the_admin(site, mailoutbox):
    asker = SuperUserFactory()
    question = ProposalQuestionFactory(
        proposal=ProposalFactory(call=site.call, submitted=True), asked_by=asker
    )
    question.answer = "Our director."
    question.answered_at = question.asked_at
    question.save()

    proposal_answer_notify.call(question_id=question.pk)

    [message] = mailoutbox
    assert message.to == [asker.email]
    assert "Our director." in message.body
    assert question.proposal.organisation.name in message.body
    proposal_id = question.proposal.pk
    assert f"{SITE}/admin/learning/proposals/inspect/{proposal_id}/" in message.body


def test_an_acceptance_says_what_happens_next_and_links_the_session(site, mailoutbox):
    session = EventPageFactory(parent=site.programme, title="Listening session")
    proposal = ProposalFactory(
        call=site.call,
        submitted=True,
        status=ProposalStatus.ACCEPTED,
        decision_message="We loved the focus on failures.",
        session_page=session,
    )

    proposal_decision_notify.call(proposal_id=proposal.pk)

    [message] = mailoutbox
    assert "is accepted" in message.subject
    assert "We loved the focus on failures." in message.body
    assert "What happens next" in message.body
    assert f"{SITE}{session.url}" in message.body


def test_a_decline_carries_the_message_and_no_next_steps(site, mailoutbox):
    proposal = ProposalFactory(
        call=site.call,
        submitted=True,
        status=ProposalStatus.DECLINED,
        decision_message="The theme is covered this year.",
    )

    proposal_decision_notify.call(proposal_id=proposal.pk)

    [message] = mailoutbox
    assert "The theme is covered this year." in message.body
    assert "could not accept" in message.body
    assert "What happens next" not in message.body


def test_no_decision_email_for_a_proposal_withdrawn_since(site, mailoutbox):
    proposal = ProposalFactory(call=site.call, status=ProposalStatus.WITHDRAWN)

    proposal_decision_notify.call(proposal_id=proposal.pk)

    assert mailoutbox == []
