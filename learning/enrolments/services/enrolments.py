"""An organisation enrols; coordinators confirm, reject, withdraw and promote."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import ModulePage
from learning.catalogue.selectors import module_list_for_programme
from learning.core.consent import consent_validate
from learning.core.names import name_normalise
from learning.core.openings import opening_validate
from learning.core.signup import email_normalise, record_save
from learning.core.types import AuthUser
from learning.editions.models import Edition

from ..emails import enrolment_repeat_notify, representatives_welcome_notify
from ..enums import (
    ACTIVE_STATUSES,
    ENROLMENT_IS,
    PLACE_HOLDING_STATUSES,
    EnrolmentStatus,
)
from ..models import Enrolment, Organisation
from .inputs import (
    EnrolmentResult,
    RepresentativeInput,
    enrolment_window_validate,
    representative_normalise,
    representatives_validate,
)
from .offers import offer_open_require
from .organisations import (
    organisation_domains,
    organisation_get_or_create,
    organisation_name_validate,
    organisation_normalise_name,
)
from .participants import participant_create, participant_emails_check_free
from .records import enrolment_decision_log
from .waitlist import (
    edition_counts,
    enrolment_status_set,
    waitlist_close_gap,
    waitlist_offer_free_places,
    waitlist_promote,
)


@dataclass(frozen=True)
class _Submission:
    """A validated submission, as enrolment_create records it."""

    organisation_name: str
    organisation_country: str
    organisation_website: str
    domains: list[str]
    people: list[RepresentativeInput]
    modules: list[ModulePage]
    submitted_by_email: str
    idempotency_key: str
    now: datetime


def enrolment_create(
    *,
    edition: Edition,
    organisation_name: str,
    organisation_country: str,
    representatives: Sequence[RepresentativeInput],
    module_ids: Sequence[int],
    consent: bool,
    organisation_website: str = "",
    submitted_by_email: str = "",
    idempotency_key: str = "",
    now: datetime | None = None,
) -> EnrolmentResult:
    """Enrol an organisation: a place while places are left, else the waitlist."""
    now = now or timezone.now()
    organisation_name = name_normalise(organisation_name, field="organisation_name")
    people = [representative_normalise(representative=r) for r in representatives]
    _submission_validate(
        edition=edition, name=organisation_name, people=people, consent=consent, now=now
    )
    emails = [person.email for person in people]
    submission = _Submission(
        organisation_name=organisation_name,
        organisation_country=organisation_country,
        organisation_website=organisation_website,
        domains=organisation_domains(website=organisation_website, emails=emails),
        people=people,
        modules=_modules_resolve(edition=edition, module_ids=module_ids),
        submitted_by_email=email_normalise(submitted_by_email),
        idempotency_key=idempotency_key,
        now=now,
    )
    with transaction.atomic():
        edition = Edition.objects.lock(pk=edition.pk)
        existing = _enrolment_existing(edition=edition, submission=submission)
        if existing is not None:
            return EnrolmentResult(object=existing, created=False)
        enrolment = _enrolment_record(edition=edition, submission=submission)
    return EnrolmentResult(object=enrolment, created=True)


def enrolment_confirm(
    *,
    enrolment: Enrolment,
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Enrolment:
    """Confirm an enrolment that waits for approval or has been offered a place."""
    now = now or timezone.now()
    allowed = {EnrolmentStatus.PENDING_APPROVAL, EnrolmentStatus.OFFERED}
    with transaction.atomic():
        enrolment = _enrolment_lock(enrolment=enrolment)
        _status_require(enrolment=enrolment, allowed=allowed, code="not_pending")
        enrolment = enrolment_status_set(
            enrolment=enrolment, status=EnrolmentStatus.CONFIRMED, now=now
        )
        enrolment_decision_log(enrolment=enrolment, action="confirm", actor=actor)
    return enrolment


def enrolment_offer_accept(
    *, enrolment: Enrolment, now: datetime | None = None
) -> Enrolment:
    """The organisation takes the place it was offered (pending if approval needed)."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _enrolment_lock(enrolment=enrolment)
        offer_open_require(enrolment=enrolment, now=now)
        _status_require(
            enrolment=enrolment, allowed={EnrolmentStatus.OFFERED}, code="not_offered"
        )
        status = _status_with_a_place(edition=enrolment.edition)
        enrolment = enrolment_status_set(enrolment=enrolment, status=status, now=now)
        # The organisation answers through its link: nobody signed in.
        enrolment_decision_log(enrolment=enrolment, action="offer_accept", actor=None)
    return enrolment


def enrolment_offer_decline(
    *, enrolment: Enrolment, now: datetime | None = None
) -> Enrolment:
    """The organisation turns down the place it was offered; it goes onward."""
    return _enrolment_end(
        enrolment=enrolment,
        status=EnrolmentStatus.WITHDRAWN,
        now=now,
        decision=("offer_decline", None),
        allowed={EnrolmentStatus.OFFERED},
    )


def enrolment_reject(
    *,
    enrolment: Enrolment,
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Enrolment:
    """Reject an active enrolment; a place it held is offered to the waitlist."""
    return _enrolment_end(
        enrolment=enrolment,
        status=EnrolmentStatus.REJECTED,
        now=now,
        decision=("reject", actor),
    )


def enrolment_withdraw(
    *,
    enrolment: Enrolment,
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Enrolment:
    """Withdraw an active enrolment (or decline an offer); its place goes onward."""
    return _enrolment_end(
        enrolment=enrolment,
        status=EnrolmentStatus.WITHDRAWN,
        now=now,
        decision=("withdraw", actor),
    )


def enrolment_promote_from_waitlist(
    *,
    enrolment: Enrolment,
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Enrolment:
    """Give a waitlisted organisation a confirmed place; each enrolment only once."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _enrolment_lock(enrolment=enrolment)
        _promotion_validate(enrolment=enrolment)
        enrolment = waitlist_promote(
            enrolment=enrolment, status=EnrolmentStatus.CONFIRMED, now=now
        )
        enrolment_decision_log(enrolment=enrolment, action="promote", actor=actor)
    return enrolment


def _submission_validate(
    *,
    edition: Edition,
    name: str,
    people: Sequence[RepresentativeInput],
    consent: bool,
    now: datetime,
) -> None:
    enrolment_window_validate(edition=edition, now=now)
    opening_validate(subject=edition)
    consent_validate(consent=consent)
    organisation_name_validate(name=name)
    representatives_validate(edition=edition, representatives=people)


def _modules_resolve(
    *, edition: Edition, module_ids: Sequence[int]
) -> list[ModulePage]:
    offered = {
        module.translation_key: module
        for module in module_list_for_programme(programme=edition.programme)
    }
    keys = dict(
        ModulePage.objects.filter(pk__in=module_ids).values_list(
            "pk", "translation_key"
        )
    )
    unknown = [pk for pk in module_ids if keys.get(pk) not in offered]
    if unknown:
        raise ValidationError(
            _("These modules are not part of the programme: %(ids)s."),
            code="unknown_module",
            params={"ids": ", ".join(map(str, unknown))},
        )
    # The module every participant takes first is in, chosen or not.
    first = [module for module in offered.values() if module.is_required_first]
    chosen = [offered[keys[pk]] for pk in module_ids]
    return list({module.pk: module for module in [*first, *chosen]}.values())


def _enrolment_existing(
    *, edition: Edition, submission: _Submission
) -> Enrolment | None:
    """The enrolment this submission repeats: the same key, or the same name.

    A shared domain alone is not enough (see organisation_get_or_create). The
    visitor is told nothing about it; a repeat by name is told, with the
    enrolment's standing, to the addresses already on record.
    """
    in_edition = Enrolment.objects.filter(edition=edition)
    key = submission.idempotency_key
    if key and (by_key := in_edition.filter(idempotency_key=key).first()):
        return by_key
    name = organisation_normalise_name(submission.organisation_name)
    by_name = in_edition.active().filter(organisation__normalised_name=name).first()
    if by_name is not None:
        enrolment_repeat_notify(enrolment=by_name)
    return by_name


def _enrolment_record(*, edition: Edition, submission: _Submission) -> Enrolment:
    emails = [person.email for person in submission.people]
    participant_emails_check_free(edition=edition, emails=emails)
    organisation = organisation_get_or_create(
        name=submission.organisation_name,
        country=submission.organisation_country,
        website=submission.organisation_website,
        domains=submission.domains,
    )
    enrolment = _enrolment_place(
        edition=edition, organisation=organisation, submission=submission
    )
    enrolment.modules.set(submission.modules)
    participants = [
        participant_create(enrolment=enrolment, representative=person)
        for person in submission.people
    ]
    # The welcome email tells each one the enrolment's first status too.
    representatives_welcome_notify(participants=participants)
    return enrolment


def _enrolment_place(
    *, edition: Edition, organisation: Organisation, submission: _Submission
) -> Enrolment:
    counts = edition_counts(edition=edition)
    # Nobody jumps the queue: a newcomer waits while others wait.
    has_place = counts.places_taken < edition.places and counts.last_position == 0
    return record_save(
        Enrolment(
            edition=edition,
            organisation=organisation,
            status=(
                _status_with_a_place(edition=edition)
                if has_place
                else EnrolmentStatus.WAITLISTED
            ),
            waitlist_position=None if has_place else counts.last_position + 1,
            consent_at=submission.now,
            status_changed_at=submission.now,
            submitted_by_email=submission.submitted_by_email,
            idempotency_key=submission.idempotency_key,
        )
    )


def _status_with_a_place(*, edition: Edition) -> EnrolmentStatus:
    if edition.requires_approval:
        return EnrolmentStatus.PENDING_APPROVAL
    return EnrolmentStatus.CONFIRMED


def _enrolment_lock(*, enrolment: Enrolment) -> Enrolment:
    edition = Edition.objects.lock(pk=enrolment.edition_id)
    fresh = Enrolment.objects.get(pk=enrolment.pk)
    fresh.edition = edition
    return fresh


def _enrolment_end(
    *,
    enrolment: Enrolment,
    status: EnrolmentStatus,
    now: datetime | None,
    decision: tuple[str, AuthUser | None],
    allowed: Collection[str] | None = None,
) -> Enrolment:
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _enrolment_lock(enrolment=enrolment)
        if allowed is not None:
            # Answering an offer: a late or second answer is refused, not ignored.
            offer_open_require(enrolment=enrolment, now=now)
            _status_require(enrolment=enrolment, allowed=allowed, code="not_offered")
        elif enrolment.status == status:
            # A repeated click: nothing changes and nobody is promoted twice.
            return enrolment
        _status_require(enrolment=enrolment, allowed=ACTIVE_STATUSES, code="not_active")
        held_place = enrolment.status in PLACE_HOLDING_STATUSES
        position = enrolment.waitlist_position
        enrolment_status_set(enrolment=enrolment, status=status, now=now)
        action, actor = decision
        enrolment_decision_log(enrolment=enrolment, action=action, actor=actor)
        enrolment.participants.filter(is_active=True).update(is_active=False)
        if position is not None:
            waitlist_close_gap(edition_id=enrolment.edition_id, position=position)
        if held_place:
            waitlist_offer_free_places(edition=enrolment.edition, now=now)
    return enrolment


def _status_require(
    *, enrolment: Enrolment, allowed: Collection[str], code: str
) -> None:
    if enrolment.status not in allowed:
        raise ValidationError(ENROLMENT_IS[enrolment.status], code=code)


def _promotion_validate(*, enrolment: Enrolment) -> None:
    if enrolment.promoted_at is not None:
        raise ValidationError(
            _("This organisation has already been moved from the waitlist."),
            code="already_promoted",
        )
    _status_require(
        enrolment=enrolment, allowed={EnrolmentStatus.WAITLISTED}, code="not_waitlisted"
    )
    counts = edition_counts(edition=enrolment.edition)
    if counts.places_taken >= enrolment.edition.places:
        raise ValidationError(
            _("No place is left: add places to the edition first."),
            code="no_place_left",
        )
