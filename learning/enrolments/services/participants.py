"""Representatives: their user accounts, one organisation per person, replacement."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.core.types import AuthUser
from learning.editions.models import Edition

from ..emails import representatives_welcome_notify
from ..enums import ACTIVE_STATUSES
from ..models import Enrolment, Participant
from .inputs import (
    RepresentativeInput,
    representative_normalise,
    representative_validate,
)
from .records import enrolment_decision_log


def participant_emails_check_free(
    *, edition: Edition, emails: Sequence[str], exclude_pk: int | None = None
) -> None:
    """Refuse emails of people who already represent an organisation in the edition."""
    taken = Participant.objects.filter(
        edition=edition, is_active=True, email__in=emails
    )
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    email = taken.values_list("email", flat=True).first()
    if email is not None:
        raise ValidationError(
            _("%(email)s already represents an organisation in this edition."),
            code="duplicate_person",
            params={"email": email},
        )


def participant_create(
    *, enrolment: Enrolment, representative: RepresentativeInput
) -> Participant:
    """Add a (normalised, validated) representative to the enrolment, with a user."""
    participant = Participant(
        enrolment=enrolment,
        edition_id=enrolment.edition_id,
        user=_user_get_or_create(representative=representative),
        name=representative.name,
        email=representative.email,
        role=representative.role,
        preferred_language=representative.preferred_language,
    )
    participant.full_clean()
    participant.save()
    return participant


def representative_replace(
    *,
    participant: Participant,
    representative: RepresentativeInput,
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Participant:
    """Put another person in a representative's place; the old one stays on record."""
    now = now or timezone.now()
    representative = representative_normalise(representative=representative)
    representative_validate(representative=representative)
    with transaction.atomic():
        Edition.objects.lock(pk=participant.edition_id)
        participant = Participant.objects.select_related("enrolment").get(
            pk=participant.pk
        )
        _replaceable_validate(participant=participant)
        participant_emails_check_free(
            edition=participant.edition,
            emails=[representative.email],
            exclude_pk=participant.pk,
        )
        successor = _participant_swap(
            participant=participant, new=representative, now=now
        )
        enrolment_decision_log(
            enrolment=participant.enrolment,
            action="representative_replace",
            actor=actor,
            data={"replaced_id": participant.pk, "successor_id": successor.pk},
        )
    return successor


def _participant_swap(
    *, participant: Participant, new: RepresentativeInput, now: datetime
) -> Participant:
    # The old row leaves first, so the new one may even reuse its email address.
    Participant.objects.filter(pk=participant.pk).update(
        is_active=False, replaced_at=now
    )
    successor = participant_create(enrolment=participant.enrolment, representative=new)
    Participant.objects.filter(pk=participant.pk).update(replaced_by=successor)
    representatives_welcome_notify(participants=[successor])
    return successor


def _replaceable_validate(*, participant: Participant) -> None:
    if not participant.is_active:
        raise ValidationError(
            _("This representative has already been replaced or has left."),
            code="participant_inactive",
        )
    if participant.enrolment.status not in ACTIVE_STATUSES:
        raise ValidationError(
            _("This enrolment is no longer active."), code="not_active"
        )


def _user_get_or_create(*, representative: RepresentativeInput) -> AuthUser:
    user_model = get_user_model()
    lookup = {f"{user_model.get_email_field_name()}__iexact": representative.email}
    # Any user model's manager has create_user (BaseUserManager's contract), but the
    # site's own manager need not be typed.
    manager: Any = user_model._default_manager
    user: AuthUser | None = manager.filter(**lookup).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            created: AuthUser = manager.create_user(
                **_user_fields(user_model, representative)
            )
            return created
    except IntegrityError:
        # The same person was just enrolled in another edition.
        found: AuthUser = manager.get(**lookup)
        return found


def _user_fields(
    user_model: type[AuthUser], representative: RepresentativeInput
) -> dict[str, Any]:
    # Works with any user model: fill only the fields it has.
    first_name, _sep, last_name = representative.name.partition(" ")
    wanted = {
        user_model.USERNAME_FIELD: representative.email,
        user_model.get_email_field_name(): representative.email,
        "first_name": first_name,
        "last_name": last_name,
        "preferred_language": representative.preferred_language,
    }
    names = {field.name for field in user_model._meta.get_fields()}
    return {key: value for key, value in wanted.items() if key in names}
