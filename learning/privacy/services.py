"""Writes of one person's data across learning: erasure on request."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from learning.certificates.models import Certificate
from learning.enrolments.models import Enrolment
from learning.participants.models import CalendarFeed

from .selectors import person_erased_email, person_is_erased, person_records_get


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure changed; all zero when the person was already erased."""

    placeholder: str
    participants: int
    registrations: int
    enrolments: int
    calendar_feeds: int
    user_deactivated: bool
    certificates: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.participants
            or self.registrations
            or self.enrolments
            or self.calendar_feeds
            or self.certificates
            or self.user_deactivated
        )


def person_data_erase(*, email: str, actor: AbstractBaseUser | None) -> ErasureResult:
    """Anonymise a person everywhere learning keeps them; enrolments and counts stay."""
    placeholder = person_erased_email(email=email)
    with transaction.atomic():
        records = person_records_get(email=email)
        if records.is_empty:
            if person_is_erased(email=email):
                return ErasureResult(placeholder, 0, 0, 0, 0, False)
            raise ValidationError(
                _("No personal data is kept under this email address."),
                code="person_not_found",
            )
        name = placeholder.partition("@")[0]
        certificates = _certificates_anonymise(
            participant_ids=list(records.participants.values_list("pk", flat=True)),
            name=name,
        )
        participants = records.participants.update(
            name=name, email=placeholder, role=""
        )
        registrations = records.registrations.update(
            name=name, email=placeholder, organisation=""
        )
        enrolments = Enrolment.objects.filter(
            submitted_by_email__iexact=records.email
        ).update(submitted_by_email=placeholder)
        calendar_feeds = 0
        if records.user is not None:
            calendar_feeds, _deleted = CalendarFeed.objects.filter(
                user=records.user
            ).delete()
            _user_anonymise(records.user, placeholder=placeholder, name=name)
    return ErasureResult(
        placeholder=placeholder,
        participants=participants,
        registrations=registrations,
        enrolments=enrolments,
        calendar_feeds=calendar_feeds,
        user_deactivated=records.user is not None,
        certificates=certificates,
    )


def _certificates_anonymise(*, participant_ids: list[int], name: str) -> int:
    """Replace the printed name on the person's certificates and drop their PDFs.

    The verify page then shows the placeholder name; the PDF files are deleted
    from storage once the erasure is committed.
    """
    certificates = list(Certificate.objects.filter(participant_id__in=participant_ids))
    files = [c.pdf.name for c in certificates if c.pdf]
    for certificate in certificates:
        certificate.holder_name = name
        certificate.pdf = ""
        certificate.save(update_fields=["holder_name", "pdf"])
    if files:
        storage = Certificate._meta.get_field("pdf").storage
        transaction.on_commit(lambda: [storage.delete(f) for f in files])
    return len(certificates)


def _user_anonymise(user: AbstractBaseUser, *, placeholder: str, name: str) -> None:
    # Works with any user model: change only the fields it has.
    user_model = get_user_model()
    wanted = {
        user_model.USERNAME_FIELD: placeholder,
        user_model.get_email_field_name(): placeholder,
        "first_name": name,
        "last_name": "",
        "is_active": False,
        "is_staff": False,
    }
    names = {field.name for field in user_model._meta.get_fields()}
    for field, value in wanted.items():
        if field in names:
            setattr(user, field, value)
    user.set_unusable_password()
    user.save()
    if hasattr(user, "groups"):
        user.groups.clear()
