"""Writes of information sessions: planning one, signing up for one."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.occurrence import aware_validate
from learning.core.openings import opening_decide, opening_validate
from learning.core.person import person_validate
from learning.core.signup import (
    Refusal,
    SignUpResult,
    capacity_validate,
    parent_lock_and_count,
    record_save,
    window_open_validate,
)
from learning.core.types import AuthUser

from .emails import infosession_registration_notify
from .models import InfoSession, InfoSessionRegistration

_STARTED = Refusal(
    _("This information session has already started."), code="infosession_closed"
)
_FULL = Refusal(_("This information session is full."), code="infosession_full")


@dataclass(frozen=True)
class RegistrationResult(SignUpResult[InfoSessionRegistration]):
    """What a sign-up led to.

    `name`, `email` and `language` are what was submitted (normalised): a caller
    answers with them, so that signing up someone else's address looks exactly
    like a new sign-up and shows nothing of the first. `registration` and
    `created` (False for a repeat) are for the platform's own use.
    """

    name: str
    email: str
    language: str

    @property
    def registration(self) -> InfoSessionRegistration:
        return self.object


def infosession_create(
    *,
    programme: ProgrammePage,
    starts_at: datetime,
    capacity: int,
    language: str,
    title: str = "",
    duration_minutes: int = 60,
    join_url: str = "",
    actor: AuthUser | None = None,
) -> InfoSession:
    """Plan an information session about the programme's default-language page."""
    aware_validate(starts_at)
    session = InfoSession(
        programme=page_source_get(page=programme),
        title=title.strip(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        join_url=join_url,
        capacity=capacity,
        language=language,
    )
    with transaction.atomic():
        session.full_clean()
        session.save()
        # Sign-ups open once the gate lets them.
        opening_decide(subject=session)
    return session


def infosession_register(
    *,
    session: InfoSession,
    name: str,
    email: str,
    organisation: str,
    country: str,
    language: str,
    consent: bool,
    now: datetime | None = None,
) -> RegistrationResult:
    """Sign a person up; the same email again keeps the first, emailing nothing."""
    now = now or timezone.now()
    person = person_validate(
        name=name,
        email=email,
        consent=consent,
        institution=organisation,
        country=country,
        language=language,
        default_language=session.language,
        institution_field="organisation",
    )
    window_open_validate(now=now, closes_at=session.starts_at, closed=_STARTED)
    opening_validate(subject=session)
    with transaction.atomic():
        session, taken = parent_lock_and_count(
            InfoSession.objects, pk=session.pk, counted_rows=_registrations
        )
        # Full is full for everyone: a repeat answering otherwise would tell
        # who signed up.
        capacity_validate(taken=taken, capacity=session.capacity, full=_FULL)
        registration = session.registrations.filter(email=person.email).first()
        created = registration is None
        if registration is None:
            registration = record_save(
                InfoSessionRegistration(
                    session=session,
                    name=person.name,
                    email=person.email,
                    organisation=person.institution,
                    country=person.country,
                    language=person.language,
                    consent_at=now,
                )
            )
            infosession_registration_notify(registration=registration)
    return RegistrationResult(
        object=registration,
        created=created,
        name=person.name,
        email=person.email,
        language=person.language,
    )


def _registrations(session: InfoSession) -> QuerySet[InfoSessionRegistration]:
    return session.registrations.all()
