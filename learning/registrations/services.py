"""Writes of seminar registrations: registering for a run, cancelling, the waitlist.

A full run puts people on its waitlist rather than refusing them: a seminar
meets in a room its hosts booked, people cancel, and a cancelled place then
goes to the first person waiting, who is told at once (seed 004 asks for
registration by individuals and says nothing of refusing; the waitlist keeps
the places filled without a coordinator's work).
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.selectors import (
    programme_target_group_get,
    programme_target_groups,
)
from learning.core.openings import opening_validate
from learning.core.person import PersonDetails, person_validate
from learning.core.signup import (
    Refusal,
    SignUpResult,
    capacity_validate,
    parent_lock_and_count,
    record_save,
    window_open_validate,
)
from learning.core.types import AuthUser
from learning.editions.models import Edition

from .emails import (
    registration_cancelled_notify,
    registration_confirmation_notify,
    registration_link_notify,
    registration_place_notify,
)
from .enums import ACTIVE_STATUSES, RegistrationStatus
from .models import Registration

# Log actions (registered in wagtail_hooks).
LOG_CANCELLED = "registrations.cancelled"
LOG_PROMOTED = "registrations.promoted"

_NOT_OPEN = Refusal(
    _("Registration for this seminar run has not opened yet."),
    code="registration_not_open",
)
_CLOSED = Refusal(
    _("Registration for this seminar run has closed."), code="registration_closed"
)
_FULL = Refusal(_("This seminar run has no places left."), code="edition_full")


@dataclass(frozen=True)
class RegistrationResult(SignUpResult[Registration]):
    """What a registration led to.

    `name`, `email`, `language` and `waitlisted` answer the caller: for a repeat
    they are what was submitted and what a new registration would have got, so
    that registering someone else's address shows nothing of the first.
    `registration` and `created` (False for a repeat) are for the platform.
    """

    name: str
    email: str
    language: str
    waitlisted: bool

    @property
    def registration(self) -> Registration:
        return self.object


def registration_submit(
    *,
    edition: Edition,
    name: str,
    email: str,
    institution: str,
    country: str,
    language: str,
    target_group: str,
    consent: bool,
    now: datetime | None = None,
) -> RegistrationResult:
    """Register a person for a seminar run: a place, else the waitlist.

    The same email again changes nothing: its person is sent their cancel link.
    """
    now = now or timezone.now()
    person = person_validate(
        name=name,
        email=email,
        consent=consent,
        institution=institution,
        country=country,
        language=language,
    )
    _seminar_validate(edition)
    group_id = _target_group_validate(edition=edition, group_id=target_group)
    window_open_validate(
        now=now,
        opens_at=edition.enrolment_opens_at,
        not_open=_NOT_OPEN,
        closes_at=edition.enrolment_closes_at,
        closed=_CLOSED,
    )
    opening_validate(subject=edition)
    with transaction.atomic():
        edition, taken = parent_lock_and_count(
            Edition.objects, pk=edition.pk, counted_rows=_confirmed
        )
        waitlisted = _is_full(taken=taken, places=edition.places)
        existing = edition.registrations.filter(email=person.email).first()
        if existing is not None and existing.status in ACTIVE_STATUSES:
            registration_link_notify(registration=existing)
            return _result(existing, person, created=False, waitlisted=waitlisted)
        registration = _save(
            existing,
            edition=edition,
            person=person,
            group_id=group_id,
            status=_status(waitlisted),
            now=now,
        )
        registration_confirmation_notify(registration=registration)
    return _result(registration, person, created=True, waitlisted=waitlisted)


def registration_cancel(
    *,
    registration: Registration,
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Registration:
    """Cancel a registration (from its link); a freed place goes to the waitlist.

    Cancelling twice changes nothing; a run that has started is not cancelled
    from here (code `registration_cancel_closed`).
    """
    now = now or timezone.now()
    with transaction.atomic():
        edition = Edition.objects.lock(pk=registration.edition_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        if timezone.localtime(now, edition.zone).date() >= edition.starts_on:
            raise ValidationError(
                _("The seminar run has started: it can no longer be cancelled here."),
                code="registration_cancel_closed",
            )
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        log(instance=registration, action=LOG_CANCELLED, user=actor)
        registration_cancelled_notify(registration=registration)
        registration_waitlist_promote(edition=edition, now=now)
    return registration


def registration_waitlist_promote(*, edition: Edition, now: datetime) -> int:
    """Give each free place to the first person waiting; return how many moved.

    Runs under the edition's lock (a cancellation, or the places changed).
    """
    free = edition.places - _confirmed(edition).count()
    if free <= 0:
        return 0
    promoted = list(Registration.objects.filter(edition=edition).waitlisted()[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        log(instance=registration, action=LOG_PROMOTED, data={"at": now.isoformat()})
        registration_place_notify(registration=registration)
    return len(promoted)


def _seminar_validate(edition: Edition) -> None:
    if edition.programme.programme_format != ProgrammeFormat.SEMINAR:
        raise ValidationError(
            _("People register individually only for a seminar's runs."),
            code="registration_not_offered",
        )


def _target_group_validate(*, edition: Edition, group_id: str) -> str:
    """The group's id; empty when the programme names no target groups."""
    if not programme_target_groups(programme=edition.programme) and not group_id:
        return ""
    return programme_target_group_get(programme=edition.programme, group_id=group_id).id


def _is_full(*, taken: int, places: int) -> bool:
    try:
        capacity_validate(taken=taken, capacity=places, full=_FULL)
    except ValidationError:
        return True
    return False


def _status(waitlisted: bool) -> str:
    if waitlisted:
        return RegistrationStatus.WAITLISTED
    return RegistrationStatus.CONFIRMED


def _save(
    existing: Registration | None,
    *,
    edition: Edition,
    person: PersonDetails,
    group_id: str,
    status: str,
    now: datetime,
) -> Registration:
    """A new row, or the cancelled one taken up again with the new answers."""
    registration = existing or Registration(edition=edition, email=person.email)
    if existing is not None:
        # Taken up again, it waits behind those who registered meanwhile.
        registration.created_at = now
    registration.status = status
    registration.name = person.name
    registration.institution = person.institution
    registration.country = person.country
    registration.language = person.language
    registration.target_group = group_id
    registration.consent_at = now
    registration.cancelled_at = None
    return record_save(registration)


def _result(
    registration: Registration,
    person: PersonDetails,
    *,
    created: bool,
    waitlisted: bool,
) -> RegistrationResult:
    return RegistrationResult(
        object=registration,
        created=created,
        name=person.name,
        email=person.email,
        language=person.language,
        waitlisted=waitlisted,
    )


def _confirmed(edition: Edition) -> QuerySet[Registration]:
    return Registration.objects.filter(edition=edition).confirmed()
