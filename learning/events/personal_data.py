"""A person's answers to learning events' invitations (RSVPs), for privacy."""

from learning.core.personal_data import person_signup_kind, personal_data_register

from .models import EventRsvp

FIELDS = (
    "event__label",
    "attending",
    "name",
    "email",
    "institution",
    "country",
    "language",
    "consent_at",
    "created_at",
    "updated_at",
)

# The answers stay so that events keep their counts (and capacity).
personal_data_register(
    person_signup_kind(
        key="event_rsvps",
        model=EventRsvp,
        fields=FIELDS,
        related="event__page",
        blanked=("institution",),
    )
)
