"""A person's answers to learning events' invitations (RSVPs), for privacy."""

from typing import Any

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
)

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


def _rsvps(person: Person) -> Any:
    return EventRsvp.objects.filter(person.q(email="email"))


def rsvps_export(person: Person) -> list[dict[str, Any]]:
    """The person's answers, attending or not."""
    rows = _rsvps(person).select_related("event__page")
    return export_rows(rows.order_by("created_at", "pk"), FIELDS)


def rsvps_erase(person: Person) -> int:
    # The answers stay so that events keep their counts (and capacity).
    return _rsvps(person).update(
        name=person.placeholder_name, email=person.placeholder_email, institution=""
    )


personal_data_register(
    PersonalDataKind(
        key="event_rsvps",
        label=EventRsvp._meta.verbose_name_plural,
        columns=field_columns(EventRsvp, FIELDS),
        export=rsvps_export,
        erase=rsvps_erase,
    )
)
