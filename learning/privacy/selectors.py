"""Reads of one person's data across learning: who they are and what they did."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from learning.enrolments.models import Participant
from learning.infosessions.models import InfoSessionRegistration
from learning.participants.models import CalendarFeed

# Only these user fields are exported, and only those the user model has.
USER_EXPORT_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "preferred_language",
    "time_zone",
    "is_active",
    "date_joined",
    "last_login",
)
ERASED_DOMAIN = "invalid"


@dataclass(frozen=True)
class PersonRecords:
    """Every learning row that holds one person's data."""

    email: str
    user: AbstractBaseUser | None
    participants: QuerySet[Participant]
    registrations: QuerySet[InfoSessionRegistration]

    @property
    def is_empty(self) -> bool:
        return (
            self.user is None
            and not self.participants.exists()
            and not self.registrations.exists()
        )


def person_email_normalise(*, email: str) -> str:
    """The email address as compared everywhere: trimmed and lower case."""
    return email.strip().lower()


def person_erased_email(*, email: str) -> str:
    """The stable placeholder that replaces an erased person's email address."""
    digest = salted_hmac(
        "learning.privacy.erased", person_email_normalise(email=email)
    ).hexdigest()
    return f"erased-{digest[:12]}@{ERASED_DOMAIN}"


def person_records_get(*, email: str) -> PersonRecords:
    """The user, participations and registrations kept under an email address."""
    email = person_email_normalise(email=email)
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    user = user_model._default_manager.filter(
        **{f"{email_field}__iexact": email}
    ).first()
    person = Q(email__iexact=email)
    if user is not None:
        person |= Q(user=user)
    participants = (
        Participant.objects.filter(person)
        .select_related("enrolment__organisation", "edition", "user")
        .order_by("created_at", "pk")
    )
    registrations = (
        InfoSessionRegistration.objects.filter(email__iexact=email)
        .select_related("session")
        .order_by("created_at", "pk")
    )
    return PersonRecords(
        email=email, user=user, participants=participants, registrations=registrations
    )


def person_is_erased(*, email: str) -> bool:
    """Whether the person behind this address was already erased."""
    placeholder = person_erased_email(email=email)
    return not person_records_get(email=placeholder).is_empty


def person_data_export(*, email: str) -> dict[str, Any]:
    """Everything learning keeps about one person, as JSON-ready data."""
    records = person_records_get(email=email)
    if records.is_empty:
        raise ValidationError(
            _("No personal data is kept under this email address."),
            code="person_not_found",
        )
    return {
        "email": records.email,
        "user": _user_export(records.user),
        "participations": [_participant_export(p) for p in records.participants],
        "info_session_registrations": [
            _registration_export(r) for r in records.registrations
        ],
        "calendar_feed": records.user is not None
        and CalendarFeed.objects.filter(user=records.user).exists(),
    }


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _user_export(user: AbstractBaseUser | None) -> dict[str, Any] | None:
    if user is None:
        return None
    names = {field.name for field in user._meta.get_fields()}
    return {
        name: _iso(getattr(user, name)) for name in USER_EXPORT_FIELDS if name in names
    }


def _participant_export(participant: Participant) -> dict[str, Any]:
    enrolment = participant.enrolment
    return {
        "name": participant.name,
        "email": participant.email,
        "edition": participant.edition.label,
        "organisation": enrolment.organisation.name,
        "role": participant.role,
        "preferred_language": participant.preferred_language,
        "is_active": participant.is_active,
        "enrolment_status": enrolment.status,
        "created_at": _iso(participant.created_at),
        "replaced_at": _iso(participant.replaced_at),
    }


def _registration_export(registration: InfoSessionRegistration) -> dict[str, Any]:
    return {
        "name": registration.name,
        "email": registration.email,
        "info_session": registration.session.label,
        "starts_at": _iso(registration.session.starts_at),
        "organisation": registration.organisation,
        "country": registration.country,
        "language": registration.language,
        "consent_at": _iso(registration.consent_at),
        "created_at": _iso(registration.created_at),
    }
