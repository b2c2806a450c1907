"""A person's seminar registrations, for privacy (found by learning.privacy)."""

from learning.core.personal_data import person_signup_kind, personal_data_register

from .models import Registration

FIELDS = (
    "edition__label",
    "status",
    "name",
    "email",
    "institution",
    "country",
    "language",
    "target_group",
    "consent_at",
    "created_at",
    "cancelled_at",
)

# The rows stay so that runs keep their places taken and waitlist order.
personal_data_register(
    person_signup_kind(
        key="seminar_registrations",
        model=Registration,
        fields=FIELDS,
        related="edition",
        blanked=("institution", "country"),
    )
)
