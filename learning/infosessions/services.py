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
from learning.notifications.services import infosession_registration_notify

from .models import InfoSession, InfoSessionRegistration


@dataclass(frozen=True)
class RegistrationResult:
    """The registration a sign-up led to; `created` is False for a repeat."""

    registration: InfoSessionRegistration
    created: bool


def infosession_create(
    *,
    programme: ProgrammePage,
    title: str,
    starts_at: datetime,
    capacity: int,
    language: str,
    duration_minutes: int = 60,
    join_url: str = "",
    actor: AbstractBaseUser | None = None,
) -> InfoSession:
    """Plan an information session about the programme's default-language page."""
    if timezone.is_naive(starts_at):
        raise ValidationError(
            _("A date and time needs a time zone."), code="naive_datetime"
        )
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
    """Sign a person up; the same email again returns the first, emailing nothing."""
    now = now or timezone.now()
    email = email.strip().lower()
    _registration_validate(session=session, name=name, email=email, consent=consent)
    _open_validate(session=session, now=now)
    with transaction.atomic():
        session = InfoSession.objects.select_for_update().get(pk=session.pk)
        existing = session.registrations.filter(email=email).first()
        if existing is not None:
            return RegistrationResult(registration=existing, created=False)
        _capacity_validate(session=session)
        registration = InfoSessionRegistration(
            session=session,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            country=country.strip(),
            language=language or session.language,
            consent_at=now,
        )
        registration.full_clean()
        registration.save()
        infosession_registration_notify(registration=registration)
    return RegistrationResult(registration=registration, created=True)


def _registration_validate(
    *, session: InfoSession, name: str, email: str, consent: bool
) -> None:
    if not consent:
        raise ValidationError(
            _("Please accept the privacy statement."), code="consent_required"
        )
    if not name.strip():
        raise ValidationError(_("Please give your name."), code="name_required")
    validate_email(email)


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
