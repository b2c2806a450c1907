"""A person's proposals, answers and memberships in calls for proposals, for privacy.

A proposal and its answers speak for the member organisation, not the person:
erasure keeps them (the secretariat's decisions rest on them) and only unlinks
the person who proposed; the person's memberships go.
"""

from typing import Any

from django.db.models import QuerySet

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import Membership, Proposal, ProposalQuestion

PROPOSAL_FIELDS = (
    "call__title",
    "organisation__name",
    "status",
    "language",
    "title",
    "summary",
    "lessons_learned",
    "results",
    "partners",
    "session_languages",
    "preferred_month",
    "submitted_at",
    "decision_message",
    "created_at",
    "updated_at",
)
ANSWER_FIELDS = ("proposal__title", "question", "asked_at", "answer", "answered_at")
MEMBERSHIP_FIELDS = ("programme__title", "organisation__name", "created_at")


def _proposals(person: Person) -> QuerySet[Proposal]:
    return Proposal.objects.filter(person.q(user="proposer"))


def proposals_export(person: Person) -> list[dict[str, Any]]:
    """The proposals the person started, whatever their status."""
    rows = _proposals(person).select_related("call", "organisation")
    return export_rows(rows.order_by("created_at", "pk"), PROPOSAL_FIELDS)


def proposals_erase(person: Person) -> int:
    return _proposals(person).update(proposer=None)


def _answers(person: Person) -> QuerySet[ProposalQuestion]:
    # The questions carry no answerer: the proposer's proposals' answered ones.
    return ProposalQuestion.objects.filter(
        proposal__in=_proposals(person).values("pk"), answered_at__isnull=False
    )


def answers_export(person: Person) -> list[dict[str, Any]]:
    """The secretariat's questions on the person's proposals, and the answers."""
    rows = _answers(person).select_related("proposal")
    return export_rows(rows.order_by("asked_at", "pk"), ANSWER_FIELDS)


def answers_erase(person: Person) -> int:
    # The answers stay with the organisation's proposal; nothing names the person.
    return 0


def _memberships(person: Person) -> QuerySet[Membership]:
    return Membership.objects.filter(person.q(user="user"))


def memberships_export(person: Person) -> list[dict[str, Any]]:
    """The programmes the person may propose to, and for which organisation."""
    rows = _memberships(person).select_related("programme", "organisation")
    return export_rows(rows.order_by("created_at", "pk"), MEMBERSHIP_FIELDS)


def memberships_erase(person: Person) -> int:
    return _memberships(person).delete()[0]


personal_data_register(
    PersonalDataKind(
        key="proposals",
        label=verbose_plural(Proposal),
        columns=field_columns(Proposal, PROPOSAL_FIELDS),
        export=proposals_export,
        erase=proposals_erase,
    ),
    PersonalDataKind(
        key="proposal_answers",
        label=verbose_plural(ProposalQuestion),
        columns=field_columns(ProposalQuestion, ANSWER_FIELDS),
        export=answers_export,
        erase=answers_erase,
        order=40,  # found through the proposals, before these are unlinked
    ),
    PersonalDataKind(
        key="proposal_memberships",
        label=verbose_plural(Membership),
        columns=field_columns(Membership, MEMBERSHIP_FIELDS),
        export=memberships_export,
        erase=memberships_erase,
    ),
)
