"""Writes of information sessions: planning one, signing up for one."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.consent import consent_validate
from learning.core.names import name_normalise
from learning.core.occurrence import aware_validate

from .emails import infosession_registration_notify
from .models import InfoSession, InfoSessionRegistration


@dataclass(frozen=True)
class RegistrationResult:
    """What a sign-up led to.

    `name`, `email` and `language` are what was submitted (normalised): a caller
    answers with them, so that signing up someone else's address looks exactly
    like a new sign-up and shows nothing of the first. `registration` and
    `created` (False for a repeat) are for the platform's own use.
    """

    registration: InfoSessionRegistration
    created: bool
    name: str
    email: str
    language: str


def infosession_create(
    *,
    programme: ProgrammePage,
    starts_at: datetime,
    capacity: int,
    language: str,
    title: str = "",
    duration_minutes: int = 60,
    join_url: str = "",
    actor: AbstractBaseUser | None = None,
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
    session.full_clean()
    session.save()
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
    email = email.strip().lower()
    name = _registration_validate(name=name, email=email, consent=consent)
    organisation = name_normalise(organisation, field="organisation")
    language = language or session.language
    _open_validate(session=session, now=now)
    with transaction.atomic():
        session = InfoSession.objects.select_for_update().get(pk=session.pk)
        # Full is full for everyone: a repeat answering otherwise would tell
        # who signed up.
        _capacity_validate(session=session)
        registration = session.registrations.filter(email=email).first()
        created = registration is None
        if registration is None:
            registration = InfoSessionRegistration(
                session=session,
                name=name,
                email=email,
                organisation=organisation,
                country=country.strip(),
                language=language,
                consent_at=now,
            )
            registration.full_clean()
            registration.save()
            infosession_registration_notify(registration=registration)
    return RegistrationResult(
        registration=registration,
        created=created,
        name=name,
        email=email,
        language=language,
    )


def _registration_validate(*, name: str, email: str, consent: bool) -> str:
    """Check the person's answers; return their name, normalised."""
    consent_validate(consent=consent)
    name = name_normalise(name, field="name")
    if not name:
        raise ValidationError(_("Please give your name."), code="name_required")
    validate_email(email)
    return name


def _open_validate(*, session: InfoSession, now: datetime) -> None:
    if now >= session.starts_at:
        raise ValidationError(
            _("This information session has already started."),
            code="infosession_closed",
        )


def _capacity_validate(*, session: InfoSession) -> None:
    if session.registrations.count() >= session.capacity:
        raise ValidationError(
            _("This information session is full."), code="infosession_full"
        )
