"""A person's seminar registrations are exported, then anonymised; the run keeps
its places taken and its waitlist order."""

import pytest

from learning.privacy.selectors import person_data_export
from learning.privacy.services import person_data_erase
from learning.registrations.enums import RegistrationStatus
from tests.factories.registrations import RegistrationFactory

pytestmark = pytest.mark.django_db
ANA = "ana.reyes@example.org"


def test_registrations_are_exported_then_anonymised_and_still_hold_their_place(
    django_capture_on_commit_callbacks,
):
    mine = RegistrationFactory(
        email=ANA, name="Ana Reyes", institution="City of Cebu", country="Philippines"
    )
    other = RegistrationFactory(edition=mine.edition)

    data = person_data_export(email=ANA)
    with django_capture_on_commit_callbacks(execute=True):
        result = person_data_erase(email=ANA, actor=None)

    [row] = data["seminar_registrations"]
    assert (row["name"], row["institution"], row["status"]) == (
        "Ana Reyes",
        "City of Cebu",
        "confirmed",
    )
    assert result.counts["seminar_registrations"] == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.email, mine.institution, mine.country) == (result.placeholder, "", "")
    assert mine.status == RegistrationStatus.CONFIRMED
    assert other.name != result.placeholder.partition("@")[0]
