"""A member's side of a call: drafts, submission, withdrawal and answers."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.privacy.selectors import person_data_export
from learning.privacy.services import person_data_erase
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import Membership, Proposal
from learning.proposals.selectors import (
    call_is_open,
    call_rubric,
    membership_for,
    proposals_of_user,
)
from learning.proposals.services import (
    proposal_draft_save,
    proposal_submit,
    proposal_withdraw,
    question_answer,
)
from tests.factories.learning import OrganisationFactory
from tests.factories.proposals import (
    CallForProposalsPageFactory,
    MembershipFactory,
    ProposalFactory,
    ProposalQuestionFactory,
)
from tests.factories.users import UserFactory
from tests.learning.concurrency import require_concurrent_database, run_at_once

pytestmark = pytest.mark.django_db

COMPLETE = {
    "title": "Listening to feminist partners",
    "summary": "How we changed our grant making.",
    "lessons_learned": "Consultation came too late at first.",
    "results": "Partners co-design the programme.",
    "partners": "Women's rights organisations",
    "session_languages": ["en", "es"],
    "preferred_month": date(2027, 3, 17),
}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the email tasks) of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def call():
    return CallForProposalsPageFactory()


@pytest.fixture
def member(call):
    return MembershipFactory(programme=call.get_parent().specific).user


def code_of(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def test_a_member_saves_a_draft_for_their_organisation(call, member):
    proposal = proposal_draft_save(call=call, user=member, data=COMPLETE)

    proposal.refresh_from_db()
    membership = membership_for(user=member, call=call)
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.organisation == membership.organisation
    assert proposal.proposer == member
    assert proposal.call_id == call.pk
    # The month is kept as its first day, whatever day the form sent.
    assert proposal.preferred_month == date(2027, 3, 1)
    assert proposal.language == "en"


def test_a_member_keeps_several_drafts_and_updates_the_one_given(call, member):
    first = proposal_draft_save(call=call, user=member, data={"title": "One"})
    second = proposal_draft_save(call=call, user=member, data={"title": "Two"})

    proposal_draft_save(
        call=call, user=member, data={"title": "One, renamed"}, proposal=first
    )

    titles = set(Proposal.objects.values_list("title", flat=True))
    assert titles == {"One, renamed", "Two"}
    assert second.pk != first.pk


def test_a_non_member_cannot_propose(call):
    outsider = UserFactory()

    with pytest.raises(ValidationError) as raised:
        proposal_draft_save(call=call, user=outsider, data=COMPLETE)

    assert code_of(raised.value) == {"not_member"}
    assert not Proposal.objects.exists()


def test_a_member_of_another_programme_cannot_propose(call):
    other_call = CallForProposalsPageFactory()
    member_elsewhere = MembershipFactory(
        programme=other_call.get_parent().specific
    ).user

    with pytest.raises(ValidationError) as raised:
        proposal_draft_save(call=call, user=member_elsewhere, data=COMPLETE)

    assert code_of(raised.value) == {"not_member"}


def test_a_colleague_edits_and_submits_the_organisations_draft(call, member, commit):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)
    colleague = MembershipFactory(
        programme=call.get_parent().specific, organisation=draft.organisation
    ).user

    proposal_draft_save(
        call=call, user=colleague, data={"title": "Renamed"}, proposal=draft
    )
    with commit():
        proposal_submit(proposal=draft, user=colleague, alignment_confirmed=True)

    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Renamed", ProposalStatus.SUBMITTED)
    assert list(proposals_of_user(user=colleague)) == [draft]


def test_another_organisations_member_cannot_touch_or_see_a_proposal(call, member):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)
    other = MembershipFactory(programme=call.get_parent().specific).user

    for action in (
        lambda: proposal_draft_save(
            call=call, user=other, data={"title": "x"}, proposal=draft
        ),
        lambda: proposal_submit(proposal=draft, user=other, alignment_confirmed=True),
        lambda: proposal_withdraw(proposal=draft, user=other),
    ):
        with pytest.raises(ValidationError) as raised:
            action()
        assert code_of(raised.value) == {"not_member"}
    assert list(proposals_of_user(user=other)) == []
    draft.refresh_from_db()
    assert (draft.title, draft.status) == (COMPLETE["title"], ProposalStatus.DRAFT)


def test_submitting_records_the_moment_and_tells_the_proposer(
    call, member, commit, mailoutbox
):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)

    with commit():
        proposal_submit(proposal=draft, user=member, alignment_confirmed=True)

    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED
    assert draft.submitted_at is not None
    assert draft.alignment_confirmed_at == draft.submitted_at
    [message] = mailoutbox
    assert message.to == [member.email]
    assert COMPLETE["title"] in message.subject


def test_submitting_needs_the_alignment_confirmed(call, member, mailoutbox):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)

    with pytest.raises(ValidationError) as raised:
        proposal_submit(proposal=draft, user=member, alignment_confirmed=False)

    assert code_of(raised.value) == {"alignment_not_confirmed"}
    draft.refresh_from_db()
    assert (draft.status, draft.submitted_at) == (ProposalStatus.DRAFT, None)
    assert mailoutbox == []


def test_submitting_an_incomplete_draft_names_each_missing_field(call, member):
    draft = proposal_draft_save(
        call=call, user=member, data={"title": "Only a title", "summary": "Some"}
    )

    with pytest.raises(ValidationError) as raised:
        proposal_submit(proposal=draft, user=member, alignment_confirmed=True)

    assert code_of(raised.value) == {"proposal_incomplete"}
    assert set(raised.value.error_dict) == {
        "lessons_learned",
        "results",
        "session_languages",
        "preferred_month",
    }
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT


def test_a_proposal_after_the_call_closed_is_refused(call, member):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.save()

    with pytest.raises(ValidationError) as raised:
        proposal_submit(proposal=draft, user=member, alignment_confirmed=True)
    assert code_of(raised.value) == {"call_not_open"}
    with pytest.raises(ValidationError) as raised:
        proposal_draft_save(call=call, user=member, data=COMPLETE)
    assert code_of(raised.value) == {"call_not_open"}
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT
    assert Proposal.objects.count() == 1


def test_a_call_opens_and_closes_at_its_moments():
    now = timezone.now()
    call = CallForProposalsPageFactory(opens_at=now, closes_at=now + timedelta(days=1))

    assert call_is_open(call=call, now=now - timedelta(seconds=1)) is False
    assert call_is_open(call=call, now=now) is True
    assert call_is_open(call=call, now=now + timedelta(days=1)) is False


def test_a_submitted_proposal_no_longer_changes(call, member):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)
    proposal_submit(proposal=draft, user=member, alignment_confirmed=True)

    for action in (
        lambda: proposal_draft_save(
            call=call, user=member, data={"title": "Late"}, proposal=draft
        ),
        lambda: proposal_submit(proposal=draft, user=member, alignment_confirmed=True),
    ):
        with pytest.raises(ValidationError) as raised:
            action()
        assert code_of(raised.value) == {"proposal_not_draft"}
    draft.refresh_from_db()
    assert draft.title == COMPLETE["title"]


def test_withdrawing_a_draft_or_submitted_proposal_but_not_a_decided_one(call, member):
    draft = proposal_draft_save(call=call, user=member, data=COMPLETE)
    submitted = ProposalFactory(
        call=call, proposer=member, organisation=draft.organisation, submitted=True
    )
    accepted = ProposalFactory(
        call=call,
        proposer=member,
        organisation=draft.organisation,
        submitted=True,
        status=ProposalStatus.ACCEPTED,
    )

    proposal_withdraw(proposal=draft, user=member)
    proposal_withdraw(proposal=submitted, user=member)
    with pytest.raises(ValidationError) as raised:
        proposal_withdraw(proposal=accepted, user=member)

    assert code_of(raised.value) == {"proposal_decided"}
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {
        draft.pk: ProposalStatus.WITHDRAWN,
        submitted.pk: ProposalStatus.WITHDRAWN,
        accepted.pk: ProposalStatus.ACCEPTED,
    }


def test_answering_a_question_tells_the_asker_once(commit, mailoutbox):
    question = ProposalQuestionFactory()
    proposer = question.proposal.proposer

    with commit():
        question_answer(question=question, user=proposer, answer="  Our director.  ")

    question.refresh_from_db()
    assert question.answer == "Our director."
    assert question.answered_at is not None
    [message] = mailoutbox
    assert message.to == [question.asked_by.email]
    assert "Our director." in message.body
    with pytest.raises(ValidationError) as raised:
        question_answer(question=question, user=proposer, answer="Changed my mind")
    assert code_of(raised.value) == {"question_answered"}
    question.refresh_from_db()
    assert question.answer == "Our director."


def test_only_the_proposing_organisation_answers_and_an_answer_has_text():
    question = ProposalQuestionFactory()
    programme = question.proposal.call.get_parent().specific
    other = MembershipFactory(
        programme=programme, organisation=OrganisationFactory()
    ).user

    with pytest.raises(ValidationError) as raised:
        question_answer(question=question, user=other, answer="Not ours")
    assert code_of(raised.value) == {"not_member"}
    with pytest.raises(ValidationError) as raised:
        question_answer(question=question, user=question.proposal.proposer, answer=" ")
    assert code_of(raised.value) == {"answer_required"}
    question.refresh_from_db()
    assert question.answered_at is None


def test_the_rubric_is_the_sources_in_the_translations_words(call):
    rubric = call_rubric(call=call)

    assert [(c.name, c.weight) for c in rubric] == [
        ("Relevance", 3),
        ("Lessons learned", 2),
        ("Feasibility", 1),
    ]
    assert len({c.id for c in rubric}) == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_submitting_twice_at_once_makes_one_submission_and_one_email(mailoutbox):
    require_concurrent_database()
    draft = ProposalFactory()
    user = draft.proposer

    outcome = run_at_once(
        proposal_submit,
        [{"proposal": draft, "user": user, "alignment_confirmed": True}] * 2,
    )

    assert len(outcome.results) == 1
    assert [code_of(error) for error in outcome.errors] == [{"proposal_not_draft"}]
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED
    assert len(mailoutbox) == 1


def test_a_proposers_data_is_exported_then_unlinked_and_memberships_go(
    django_capture_on_commit_callbacks,
):
    question = ProposalQuestionFactory(
        answer="Our director.", answered_at=timezone.now()
    )
    proposal = question.proposal
    email = proposal.proposer.email

    data = person_data_export(email=email)
    with django_capture_on_commit_callbacks(execute=True):
        result = person_data_erase(email=email, actor=None)

    assert [row["title"] for row in data["proposals"]] == [proposal.title]
    assert [row["answer"] for row in data["proposal_answers"]] == ["Our director."]
    assert [row["organisation"] for row in data["proposal_memberships"]] == [
        proposal.organisation.name
    ]
    assert result.counts["proposals"] == 1
    assert result.counts["proposal_memberships"] == 1
    proposal.refresh_from_db()
    # The organisation's proposal and its answer stay for the secretariat.
    assert (proposal.proposer, proposal.status) == (None, ProposalStatus.SUBMITTED)
    assert proposal.questions.get().answer == "Our director."
    assert not Membership.objects.filter(organisation=proposal.organisation).exists()
