"""A person's information-session registrations, for privacy."""

from learning.core.personal_data import person_signup_kind, personal_data_register

from .models import InfoSessionRegistration

FIELDS = (
    "session__label",
    "name",
    "email",
    "organisation",
    "country",
    "language",
    "consent_at",
    "created_at",
)

# The rows stay so that sessions keep their counts; country and language stay
# as numbers for reporting, they name nobody.
personal_data_register(
    person_signup_kind(
        key="info_session_registrations",
        model=InfoSessionRegistration,
        fields=FIELDS,
        related="session",
        blanked=("organisation",),
    )
)
