"""What every indicator of an edition starts from, read once: the members who
count (filtered by organisation and language), the meetings held (filtered by
module) and the module above each meeting.

Indicators take an optional frame so that a report of all of them reads these
rows once; each selector builds its own when called alone. Seven queries at
most, whatever the number of organisations, people and meetings.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import ModulePage
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import edition_schedule, meeting_titles_localize
from learning.enrolments.membership import participant_list_members
from learning.enrolments.models import Enrolment, Organisation, Participant


class Level(models.TextChoices):
    """Where an indicator's row belongs: the whole edition or one breakdown."""

    EDITION = "edition", _("edition")
    MODULE = "module", _("module")
    MEETING = "meeting", _("meeting")
    ORGANISATION = "organisation", _("organisation")
    QUESTION = "question", _("question")


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters; None means "all"."""

    module_id: int | None = None
    organisation_id: int | None = None
    language: str | None = None
    # One member only: the participant's own progress reads the same selectors.
    participant_id: int | None = None


@dataclass
class EditionFrame:
    """The rows every indicator of one edition reads (see the module docstring)."""

    edition: Edition
    filters: Filters
    now: datetime
    members: list[Participant]
    modules: list[ModulePage]
    # Held meetings (started before `now`), in time order.
    meetings: list[Meeting]
    module_of: dict[int, int | None]
    chosen: dict[int, frozenset[int]] = field(default_factory=dict)
    _module_labels: dict[int, str] | None = field(default=None, repr=False)

    @property
    def organisations(self) -> list[Organisation]:
        """The members' organisations, by name."""
        found = {
            m.enrolment.organisation_id: m.enrolment.organisation for m in self.members
        }
        return sorted(found.values(), key=lambda o: (o.name.casefold(), o.pk))

    def expected(self, meeting: Meeting) -> list[Participant]:
        """The members expected at the meeting: their organisation chose its module."""
        module_id = self.module_of.get(meeting.pk)
        if module_id is None:
            return self.members
        return [m for m in self.members if module_id in self.chosen[m.pk]]

    def module_labels(self) -> dict[int, str]:
        """Each module's title in the active language (read once per frame)."""
        if self._module_labels is None:
            self._module_labels = {m.pk: m.localized.title for m in self.modules}
        return self._module_labels


def edition_frame_build(
    *, edition: Edition, filters: Filters | None = None, now: datetime | None = None
) -> EditionFrame:
    """The edition's members and held meetings, as the filters narrow them."""
    filters = filters or Filters()
    now = now or timezone.now()
    members = _members(edition, filters)
    schedule = edition_schedule(edition=edition)
    module_of: dict[int, int | None] = {}
    meetings: list[Meeting] = []
    modules: list[ModulePage] = []
    for group in schedule:
        module_id = group.module.pk if group.module else None
        if filters.module_id is not None and module_id != filters.module_id:
            continue
        if group.module is not None:
            modules.append(group.module)
        for meeting in group.meetings:
            if meeting.starts_at <= now:
                module_of[meeting.pk] = module_id
                meetings.append(meeting)
    meetings.sort(key=lambda m: (m.starts_at, m.pk))
    meeting_titles_localize(meetings=meetings)
    chosen = _chosen_modules(members)
    return EditionFrame(
        edition, filters, now, members, modules, meetings, module_of, chosen
    )


def _members(edition: Edition, filters: Filters) -> list[Participant]:
    members = participant_list_members(edition=edition)
    if filters.organisation_id is not None:
        members = members.filter(enrolment__organisation_id=filters.organisation_id)
    if filters.language:
        members = members.filter(preferred_language=filters.language)
    if filters.participant_id is not None:
        members = members.filter(pk=filters.participant_id)
    return list(
        members.select_related("enrolment__organisation").order_by(
            "enrolment__organisation__name", "name", "pk"
        )
    )


def _chosen_modules(members: list[Participant]) -> dict[int, frozenset[int]]:
    """Each member's chosen module ids; one query on the link table (loading the
    module pages themselves for every enrolment cost most of the frame)."""
    links = Enrolment.modules.through.objects.filter(
        enrolment_id__in={m.enrolment_id for m in members}
    ).values_list("enrolment_id", "modulepage_id")
    by_enrolment: dict[int, set[int]] = {}
    for enrolment_id, module_id in links:
        by_enrolment.setdefault(enrolment_id, set()).add(module_id)
    return {m.pk: frozenset(by_enrolment.get(m.enrolment_id, ())) for m in members}
