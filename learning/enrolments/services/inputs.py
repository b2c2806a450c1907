"""What an enrolment submission carries, and the checks that need no database."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from learning.core.names import name_normalise
from learning.core.signup import (
    Refusal,
    SignUpResult,
    email_normalise,
    window_open_validate,
)
from learning.editions.models import Edition

from ..models import Enrolment


@dataclass(frozen=True)
class RepresentativeInput:
    """A person an organisation sends to an edition."""

    name: str
    email: str
    role: str = ""
    preferred_language: str = ""


_NOT_OPEN = Refusal(
    _("Enrolment for this edition has not opened yet."), code="enrolment_not_open"
)
_CLOSED = Refusal(_("Enrolment for this edition is closed."), code="enrolment_closed")


@dataclass(frozen=True)
class EnrolmentResult(SignUpResult[Enrolment]):
    """The enrolment a submission led to; `created` is False for a repeat."""

    @property
    def enrolment(self) -> Enrolment:
        return self.object


def representative_normalise(
    *, representative: RepresentativeInput
) -> RepresentativeInput:
    """The representative with trimmed text, a lower-case email and a language."""
    return replace(
        representative,
        name=name_normalise(representative.name, field="representatives"),
        email=email_normalise(representative.email),
        role=representative.role.strip(),
        preferred_language=representative.preferred_language or settings.LANGUAGE_CODE,
    )


def enrolment_window_validate(*, edition: Edition, now: datetime) -> None:
    """Refuse a submission outside the edition's enrolment window."""
    window_open_validate(
        now=now,
        opens_at=edition.enrolment_opens_at,
        not_open=_NOT_OPEN,
        closes_at=edition.enrolment_closes_at,
        closed=_CLOSED,
    )


def representatives_validate(
    *, edition: Edition, representatives: Sequence[RepresentativeInput]
) -> None:
    """Check the number of representatives, each one's details and no repeats."""
    _representative_count_validate(edition=edition, count=len(representatives))
    for representative in representatives:
        representative_validate(representative=representative)
    repeated = [
        email for email, n in Counter(r.email for r in representatives).items() if n > 1
    ]
    if repeated:
        raise ValidationError(
            _("%(email)s is given for more than one representative."),
            code="duplicate_person",
            params={"email": repeated[0]},
        )


def representative_validate(*, representative: RepresentativeInput) -> None:
    """Check one (normalised) representative's name, email and language."""
    if not representative.name:
        raise ValidationError(
            _("Each representative needs a name."), code="representative_name_required"
        )
    validate_email(representative.email)
    if representative.preferred_language not in dict(settings.LANGUAGES):
        raise ValidationError(
            _("Unknown language: %(language)s."),
            code="unknown_language",
            params={"language": representative.preferred_language},
        )


def _representative_count_validate(*, edition: Edition, count: int) -> None:
    if count < edition.min_representatives:
        raise ValidationError(
            ngettext_lazy(
                "An organisation sends at least %(minimum)d representative.",
                "An organisation sends at least %(minimum)d representatives.",
                "minimum",
            ),
            code="too_few_representatives",
            params={"minimum": edition.min_representatives},
        )
    if count > edition.max_representatives:
        raise ValidationError(
            ngettext_lazy(
                "An organisation sends at most %(maximum)d representative.",
                "An organisation sends at most %(maximum)d representatives.",
                "maximum",
            ),
            code="too_many_representatives",
            params={"maximum": edition.max_representatives},
        )
