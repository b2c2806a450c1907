"""The columns of the enrolment spreadsheet a coordinator downloads per edition."""

from collections import OrderedDict
from typing import Any

from django.utils.translation import gettext_lazy as _

from .models import Enrolment

ENROLMENT_EXPORT_HEADINGS = {
    "edition": _("Edition"),
    "organisation": _("Organisation"),
    "country": _("Country"),
    "status": _("Status"),
    "waitlist_position": _("Waitlist position"),
    "modules": _("Modules"),
    "representatives": _("Representatives"),
    "emails": _("Email addresses"),
    "languages": _("Preferred languages"),
    "submitted_by": _("Submitted by"),
    "created_at": _("Enrolled at"),
}
ENROLMENT_EXPORT_FIELDS = list(ENROLMENT_EXPORT_HEADINGS)
# Several representatives or modules share a cell, in the same order in each column.
SEPARATOR = "; "


def enrolment_export_row(enrolment: Enrolment) -> "OrderedDict[str, Any]":
    """One spreadsheet row; needs enrolment_list_for_admin's prefetches."""
    people = getattr(enrolment, "current_participants", None)
    if people is None:
        people = list(enrolment.participants.filter(is_active=True))
    modules = sorted(enrolment.modules.all(), key=lambda m: (m.module_number, m.path))
    return OrderedDict(
        [
            ("edition", enrolment.edition.label),
            ("organisation", enrolment.organisation.name),
            ("country", enrolment.organisation.country),
            ("status", str(enrolment.get_status_display())),
            ("waitlist_position", enrolment.waitlist_position),
            ("modules", SEPARATOR.join(module.title for module in modules)),
            ("representatives", SEPARATOR.join(person.name for person in people)),
            ("emails", SEPARATOR.join(person.email for person in people)),
            (
                "languages",
                SEPARATOR.join(person.preferred_language for person in people),
            ),
            ("submitted_by", enrolment.submitted_by_email),
            ("created_at", enrolment.created_at),
        ]
    )
