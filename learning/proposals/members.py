"""Writes of a programme's members: who may propose sessions, for which organisation."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.enrolments.models import Organisation

from .models import Membership

MEMBERSHIP_EDITABLE_FIELDS = frozenset({"organisation"})


def membership_create(
    *, programme: ProgrammePage, user: Any, organisation: Organisation, actor: Any
) -> Membership:
    """Let `user` propose sessions to the programme for `organisation`."""
    programme = page_source_get(page=programme)
    if programme.programme_format != ProgrammeFormat.PROPOSAL_SESSIONS:
        raise ValidationError(
            {
                "programme": ValidationError(
                    _("Only a programme of member-led sessions has members."),
                    code="programme_without_proposals",
                )
            }
        )
    membership = Membership(programme=programme, user=user, organisation=organisation)
    with transaction.atomic():
        membership.full_clean()
        membership.save()
        log(instance=membership, action="wagtail.create", user=actor)
    return membership


def membership_update(
    *, membership: Membership, actor: Any, **changes: Any
) -> Membership:
    """Change the member's organisation (their proposals keep the one they had)."""
    unknown = set(changes) - MEMBERSHIP_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        for name, value in changes.items():
            setattr(membership, name, value)
        membership.full_clean()
        membership.save()
        log(instance=membership, action="wagtail.edit", user=actor)
    return membership
