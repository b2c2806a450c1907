"""Writes of one person's data across learning: erasure on request."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from learning.core.personal_data import Person, personal_data_kinds
from learning.core.types import AuthUser

from .selectors import person_get, person_is_erased, person_is_known


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure changed; nothing when the person was already erased."""

    placeholder: str
    user_deactivated: bool = False
    # Rows removed or anonymised, by kind key (learning.core.personal_data).
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.user_deactivated or any(self.counts.values())


@transaction.atomic
def person_data_erase(*, email: str, actor: AuthUser | None) -> ErasureResult:
    """Erase a person everywhere learning keeps them; counts and rates stay.

    Atomic: a failing kind leaves everything as it was, and files are deleted
    only once the whole erasure is committed.
    """
    person = person_get(email=email)
    if not person_is_known(person=person):
        if person_is_erased(email=email):
            return ErasureResult(placeholder=person.placeholder_email)
        raise ValidationError(
            _("No personal data is kept under this email address."),
            code="person_not_found",
        )
    counts = {kind.key: kind.erase(person) for kind in personal_data_kinds()}
    if person.user is not None:
        _user_anonymise(person)
    return ErasureResult(
        placeholder=person.placeholder_email,
        user_deactivated=person.user is not None,
        counts=counts,
    )


def _user_anonymise(person: Person) -> None:
    # Works with any user model: change only the fields it has. The account
    # stays (posts, marks and runs point at it), closed and renamed.
    user = person.user
    assert user is not None  # noqa: S101  (checked by the caller)
    user_model = get_user_model()
    wanted = {
        user_model.USERNAME_FIELD: person.placeholder_email,
        user_model.get_email_field_name(): person.placeholder_email,
        "first_name": person.placeholder_name,
        "last_name": "",
        "is_active": False,
        "is_staff": False,
        "is_superuser": False,
    }
    names = {f.name for f in user_model._meta.get_fields()}
    for name, value in wanted.items():
        if name in names:
            setattr(user, name, value)
    user.set_unusable_password()
    user.save()
    if hasattr(user, "groups"):
        user.groups.clear()
