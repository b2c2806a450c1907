"""Factories for calls for proposals, members, proposals, reviews and questions."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import ProgrammePage
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import (
    CallForProposalsPage,
    Membership,
    Proposal,
    ProposalQuestion,
    ProposalReview,
)

from .catalogue import ProgrammePageFactory
from .learning import OrganisationFactory
from .pages import BasePageFactory
from .users import UserFactory


class ProposalSessionsProgrammePageFactory(ProgrammePageFactory):
    """A programme of member-led sessions chosen from proposals."""

    title = factory.Sequence(lambda n: f"Member-led sessions {n}")
    programme_format = ProgrammeFormat.PROPOSAL_SESSIONS


def rubric(*criteria: tuple[str, int]) -> list[tuple]:
    """Stream data for `CallForProposalsPage.rubric` from (name, weight) pairs."""
    return [
        ("criterion", {"name": name, "description": f"How well: {name}", "weight": w})
        for name, w in criteria
    ]


DEFAULT_RUBRIC = (("Relevance", 3), ("Lessons learned", 2), ("Feasibility", 1))


class CallForProposalsPageFactory(BasePageFactory):
    """A live call, open since yesterday for 30 more days, with 3 weighted criteria."""

    class Meta:
        model = CallForProposalsPage

    parent = factory.SubFactory(ProposalSessionsProgrammePageFactory)
    title = factory.Sequence(lambda n: f"Call for proposals {n}")
    introduction = "Sessions on accountability to women's rights organisations."
    alignment_statement = (
        "The session is aligned with the mission and the accountability framework."
    )
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    time_zone = "America/Bogota"
    rubric = factory.LazyFunction(lambda: rubric(*DEFAULT_RUBRIC))
    score_scale = 5


class MembershipFactory(factory.django.DjangoModelFactory):
    """A member of the call's programme (pass ``programme=call.get_parent()``)."""

    class Meta:
        model = Membership

    programme = factory.SubFactory(ProposalSessionsProgrammePageFactory)
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ProposalFactory(factory.django.DjangoModelFactory):
    """A complete draft in English; ``submitted=True`` for one sent for review."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    class Params:
        submitted = factory.Trait(
            status=ProposalStatus.SUBMITTED,
            alignment_confirmed_at=factory.LazyFunction(timezone.now),
            submitted_at=factory.LazyFunction(timezone.now),
        )

    call = factory.SubFactory(CallForProposalsPageFactory)
    proposer = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = ProposalStatus.DRAFT
    language = "en"
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "A session on listening to feminist partners."
    lessons_learned = "What failed first, and what we changed."
    results = "Partners now co-design our programmes."
    partners = "Women's rights organisations in the region."
    session_languages = factory.LazyFunction(lambda: ["en", "es"])
    preferred_month = factory.LazyFunction(
        lambda: (date.today().replace(day=1) + timedelta(days=62)).replace(day=1)
    )

    @factory.post_generation
    def membership(proposal: Proposal, create: bool, extracted: object, **kwargs):
        """Make the proposer a member for the organisation (unless ``False``)."""
        if not create or extracted is False or proposal.proposer is None:
            return
        Membership.objects.get_or_create(
            programme=ProgrammePage.objects.get(pk=proposal.call.get_parent().pk),
            user=proposal.proposer,
            defaults={"organisation": proposal.organisation},
        )


class ProposalReviewFactory(factory.django.DjangoModelFactory):
    """A review of a submitted proposal; scores default to 3 on every criterion."""

    class Meta:
        model = ProposalReview

    proposal = factory.SubFactory(ProposalFactory, submitted=True)
    reviewer = factory.SubFactory(UserFactory)
    scores = factory.LazyAttribute(
        lambda review: {block.id: 3 for block in review.proposal.call.rubric}
    )
    comment = "Clear and relevant."


class ProposalQuestionFactory(factory.django.DjangoModelFactory):
    """An unanswered question of the secretariat on a submitted proposal."""

    class Meta:
        model = ProposalQuestion

    proposal = factory.SubFactory(ProposalFactory, submitted=True)
    asked_by = factory.SubFactory(UserFactory)
    question = "Who from your organisation would facilitate?"
