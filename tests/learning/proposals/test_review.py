"""The secretariat's services: review, question, accept (the session), decline."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from learning.events.models import Event, LearningEventPage
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import Proposal, ProposalQuestion, ProposalReview
from learning.proposals.review import (
    proposal_accept,
    proposal_decline,
    question_ask,
    review_save,
)
from learning.proposals.review_selectors import (
    proposal_weighted_score,
    proposals_for_review,
)
from learning.proposals.selectors import call_rubric
from tests.factories import UserFactory
from tests.factories.proposals import (
    MembershipFactory,
    ProposalFactory,
    ProposalReviewFactory,
)
from tests.learning.concurrency import require_concurrent_database, run_at_once
from tests.learning.proposals.secretariat import bilingual_call, reviewer


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def scores_of(proposal, *values):
    return {
        block.id: value
        for block, value in zip(proposal.call.rubric, values, strict=True)
    }


def error_code(info):
    return info.value.error_list[0].code if hasattr(info.value, "error_list") else None


def codes(info):
    return {error.code for error in info.value.error_list}


def accept_arguments(**changes):
    starts_at = timezone.now() + timedelta(days=40)
    return {
        "starts_at": starts_at,
        "duration_minutes": 90,
        "time_zone": "America/Bogota",
        "rsvp_closes_at": starts_at - timedelta(days=2),
        "interpretation_languages": ["es", "fr"],
        **changes,
    }


# --- Reviews -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reviewer_scores_every_criterion_and_saving_again_changes_the_review():
    proposal = ProposalFactory(submitted=True)
    secretary = reviewer()

    review_save(
        proposal=proposal, reviewer=secretary, scores=scores_of(proposal, 5, 4, 3)
    )
    review_save(
        proposal=proposal,
        reviewer=secretary,
        scores=scores_of(proposal, 2, 2, 2),
        comment=" Needs partners. ",
    )

    review = ProposalReview.objects.get()
    assert review.scores == scores_of(proposal, 2, 2, 2)
    assert review.comment == "Needs partners."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "code"),
    [((0, 3, 3), "score_out_of_range"), ((6, 3, 3), "score_out_of_range")],
)
def test_a_score_outside_the_scale_is_refused(values, code):
    proposal = ProposalFactory(submitted=True)

    with pytest.raises(ValidationError) as info:
        review_save(
            proposal=proposal, reviewer=reviewer(), scores=scores_of(proposal, *values)
        )

    assert codes(info) == {code}
    assert not ProposalReview.objects.exists()


@pytest.mark.django_db
def test_a_criterion_outside_the_rubric_is_refused():
    proposal = ProposalFactory(submitted=True)
    scores = {**scores_of(proposal, 3, 3, 3), "not-a-criterion": 3}

    with pytest.raises(ValidationError) as info:
        review_save(proposal=proposal, reviewer=reviewer(), scores=scores)

    assert codes(info) == {"unknown_criterion"}


@pytest.mark.django_db
def test_a_review_without_every_criterion_is_refused():
    proposal = ProposalFactory(submitted=True)
    scores = scores_of(proposal, 3, 3, 3)
    scores.popitem()

    with pytest.raises(ValidationError) as info:
        review_save(proposal=proposal, reviewer=reviewer(), scores=scores)

    assert codes(info) == {"scores_incomplete"}


@pytest.mark.django_db
def test_a_reviewer_cannot_review_their_own_organisations_proposal():
    proposal = ProposalFactory(submitted=True)
    secretary = reviewer()
    MembershipFactory(
        programme=proposal.call.get_parent().specific,
        user=secretary,
        organisation=proposal.organisation,
    )

    with pytest.raises(ValidationError) as info:
        review_save(
            proposal=proposal, reviewer=secretary, scores=scores_of(proposal, 3, 3, 3)
        )

    assert codes(info) == {"own_organisation"}


@pytest.mark.django_db
def test_a_member_of_another_organisation_may_review():
    proposal = ProposalFactory(submitted=True)
    secretary = reviewer()
    MembershipFactory(programme=proposal.call.get_parent().specific, user=secretary)

    review_save(
        proposal=proposal, reviewer=secretary, scores=scores_of(proposal, 3, 3, 3)
    )

    assert ProposalReview.objects.filter(reviewer=secretary).exists()


@pytest.mark.django_db
def test_only_a_reviewer_reviews():
    proposal = ProposalFactory(submitted=True)

    with pytest.raises(ValidationError) as info:
        review_save(
            proposal=proposal,
            reviewer=UserFactory(),
            scores=scores_of(proposal, 3, 3, 3),
        )

    assert codes(info) == {"not_reviewer"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "code"),
    [
        (ProposalStatus.DRAFT, "proposal_not_submitted"),
        (ProposalStatus.WITHDRAWN, "proposal_not_submitted"),
        (ProposalStatus.DECLINED, "proposal_decided"),
    ],
)
def test_only_a_submitted_proposal_is_reviewed(status, code):
    proposal = ProposalFactory(submitted=True, status=status)

    with pytest.raises(ValidationError) as info:
        review_save(
            proposal=proposal, reviewer=reviewer(), scores=scores_of(proposal, 3, 3, 3)
        )

    assert codes(info) == {code}


@pytest.mark.django_db
def test_the_weighted_score_is_the_mean_of_the_reviewers_weighted_means():
    # Weights 3, 2, 1: (5*3 + 4*2 + 3*1) / 6 = 26/6; (2*3 + 2*2 + 2*1) / 6 = 2.
    proposal = ProposalFactory(submitted=True)
    ProposalReviewFactory(proposal=proposal, scores=scores_of(proposal, 5, 4, 3))
    ProposalReviewFactory(proposal=proposal, scores=scores_of(proposal, 2, 2, 2))

    proposal = proposals_for_review().get(pk=proposal.pk)
    score = proposal_weighted_score(
        proposal=proposal, criteria=call_rubric(call=proposal.call)
    )

    assert score == pytest.approx((26 / 6 + 2) / 2)


@pytest.mark.django_db
def test_drafts_are_never_listed_for_review():
    draft = ProposalFactory()
    sent = ProposalFactory(submitted=True, call=draft.call)

    assert list(proposals_for_review(call=draft.call)) == [sent]


# --- Questions -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_question_is_emailed_to_the_proposer_once_saved(commit, mailoutbox):
    proposal = ProposalFactory(submitted=True)

    with commit():
        question = question_ask(
            proposal=proposal, reviewer=reviewer(), question="Who would facilitate?"
        )

    assert ProposalQuestion.objects.get() == question
    assert [message.to for message in mailoutbox] == [[proposal.proposer.email]]
    assert "Who would facilitate?" in mailoutbox[0].body


@pytest.mark.django_db
def test_an_empty_question_is_refused():
    with pytest.raises(ValidationError) as info:
        question_ask(
            proposal=ProposalFactory(submitted=True), reviewer=reviewer(), question=" "
        )

    assert info.value.error_dict["question"][0].code == "required"


# --- Decisions -----------------------------------------------------------------


@pytest.mark.django_db
def test_accepting_makes_a_draft_page_in_the_proposals_language_and_its_event(
    home_pages, commit, mailoutbox
):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(
        submitted=True,
        call=colab.call,
        language="es",
        title="Escuchar a las socias",
        summary="Una sesión sobre escuchar.",
        lessons_learned="Lo que falló <primero>.",
        results="Co-diseño.",
        partners="",
    )
    secretary = reviewer()
    arguments = accept_arguments(message="¡Bienvenida!")

    with commit():
        proposal = proposal_accept(proposal=proposal, actor=secretary, **arguments)

    page = proposal.session_page.specific
    assert isinstance(page, LearningEventPage)
    assert not page.live
    assert page.get_parent().pk == colab.programme_es.pk
    assert page.locale.language_code == "es"
    assert page.title == "Escuchar a las socias"
    assert page.introduction == "Una sesión sobre escuchar."
    blocks = [(block.block_type, str(block.value)) for block in page.body]
    assert [kind for kind, _value in blocks] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert "Lo que falló &lt;primero&gt;." in blocks[1][1]  # the text, escaped
    assert page.get_latest_revision() is not None  # editors find a draft to edit
    event = Event.objects.get(page=page)
    assert event.starts_at == arguments["starts_at"]
    assert event.time_zone == "America/Bogota"
    assert event.rsvp_closes_at == arguments["rsvp_closes_at"]
    assert set(event.interpretation_languages) >= {"fr"}
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by == secretary
    assert proposal.decided_at is not None
    assert proposal.decision_message == "¡Bienvenida!"
    assert [message.to for message in mailoutbox] == [[proposal.proposer.email]]


@pytest.mark.django_db
def test_accepting_without_the_programme_in_the_proposals_language_says_so(
    home_pages,
):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call, language="fr")

    with pytest.raises(ValidationError) as info:
        proposal_accept(proposal=proposal, actor=reviewer(), **accept_arguments())

    assert codes(info) == {"programme_not_in_language"}
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


@pytest.mark.django_db
def test_a_failure_scheduling_the_event_leaves_no_page_and_the_proposal_submitted(
    home_pages, django_capture_on_commit_callbacks
):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call, language="en")
    pages_before = Page.objects.count()
    # A naive time is refused by event_schedule, after the page was made.
    naive = accept_arguments(starts_at=timezone.now().replace(tzinfo=None))

    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(ValidationError) as info:
            proposal_accept(proposal=proposal, actor=reviewer(), **naive)

    assert codes(info) == {"naive_datetime"}
    assert Page.objects.count() == pages_before
    assert not Event.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.session_page is None
    assert callbacks == []  # no email


@pytest.mark.django_db
def test_a_failure_after_the_event_rolls_back_page_and_event(home_pages):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call, language="en")
    pages_before = Page.objects.count()

    with mock.patch("learning.proposals.review.log", side_effect=RuntimeError("disk")):
        with pytest.raises(RuntimeError):
            proposal_accept(proposal=proposal, actor=reviewer(), **accept_arguments())

    assert Page.objects.count() == pages_before
    assert not Event.objects.exists()
    assert Proposal.objects.get().status == ProposalStatus.SUBMITTED


@pytest.mark.django_db
def test_a_decided_proposal_cannot_be_decided_again(home_pages):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call)
    proposal_decline(proposal=proposal, actor=reviewer(), message="Not this year.")

    with pytest.raises(ValidationError) as info:
        proposal_accept(proposal=proposal, actor=reviewer(), **accept_arguments())

    assert codes(info) == {"proposal_decided"}
    assert not LearningEventPage.objects.exists()


@pytest.mark.django_db
def test_declining_needs_a_message_and_tells_the_proposer(commit, mailoutbox):
    proposal = ProposalFactory(submitted=True)
    with pytest.raises(ValidationError) as info:
        proposal_decline(proposal=proposal, actor=reviewer(), message="  ")
    assert info.value.error_dict["message"][0].code == "message_required"

    with commit():
        proposal_decline(proposal=proposal, actor=reviewer(), message="Not now.")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_message == "Not now."
    assert [message.to for message in mailoutbox] == [[proposal.proposer.email]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_accepting_at_once_make_one_session(home_pages):
    require_concurrent_database()
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call)
    calls = [
        {"proposal": proposal, "actor": reviewer(), **accept_arguments()}
        for _ in range(2)
    ]

    outcome = run_at_once(proposal_accept, calls)

    assert len(outcome.results) == 1
    assert [error.code for error in outcome.errors] == ["proposal_decided"]
    assert LearningEventPage.objects.count() == 1
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_the_session_pages_headings_are_in_the_proposals_language(home_pages):
    # Needs the Spanish catalogue (es_pending/prop-review.json merged).
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call, language="es")

    proposal = proposal_accept(
        proposal=proposal, actor=reviewer(), **accept_arguments()
    )

    headings = [
        block.value["text"]
        for block in proposal.session_page.specific.body
        if block.block_type == "heading"
    ]
    assert headings == [
        "Lecciones aprendidas de fracasos y éxitos",
        "Resultados e impacto",
        "Socios",
    ]
