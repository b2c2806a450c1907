"""Who is eligible for a certificate and why not: reads attendance, meetings and
enrolments.

`certificate_eligibility` is the one place where the certificate rule lives; the
participant's page, the coordinators' table, the issuing services and the API
all ask it.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.catalogue.models import ModulePage, ProgrammePage
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import edition_get_status, edition_schedule
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.membership import participant_list_members
from learning.enrolments.models import Participant

from ..enums import IneligibilityCode
from ..models import Certificate

DEFAULT_THRESHOLD = 75


@dataclass(frozen=True)
class Reason:
    """Why not (yet): a stable code and a message in the active language."""

    code: str
    message: str


@dataclass(frozen=True)
class ModuleProgress:
    """A participant's attendance of one module they chose.

    Excused meetings leave the count: the rate is attended / (held - excused).
    """

    module: ModulePage
    title: str
    meetings_held: int
    attended: int
    excused: int
    threshold: int
    minutes_held: int = 0

    @property
    def counted(self) -> int:
        return self.meetings_held - self.excused

    @property
    def rate(self) -> int:
        """Attendance in whole percent (rounded down)."""
        return self.attended * 100 // self.counted if self.counted > 0 else 0

    @property
    def met(self) -> bool:
        return self.counted > 0 and self.attended * 100 >= self.threshold * self.counted


@dataclass
class Eligibility:
    """The answer for one participant, with every reason when it is no."""

    participant: Participant
    threshold: int
    edition_finished: bool
    modules: list[ModuleProgress] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class _EditionFacts:
    """What every participant's answer in one edition shares (read once)."""

    threshold: int
    finished: bool
    meetings_by_module: dict[object, list[Meeting]]
    modules_by_key: dict[object, ModulePage]
    required_first: list[ModulePage]
    titles: dict[object, str]


def programme_threshold(*, programme: ProgrammePage) -> int:
    """The attendance (%) a programme asks for its certificate."""
    return programme.certificate_attendance_threshold or DEFAULT_THRESHOLD


def certificate_eligibility(
    *, participant: Participant, now: datetime | None = None
) -> Eligibility:
    """May the participant have a certificate now? With the reasons when not.

    Rule: a confirmed, active participant of a finished edition who attended at
    least the programme's threshold of the held meetings of each module they
    chose, the module every participant takes first included. Excused meetings
    do not count either way.
    """
    now = now or timezone.now()
    facts = _edition_facts(edition=participant.edition, now=now)
    marks = _marks_by_meeting(
        participant_ids=[participant.pk], edition=participant.edition
    )
    return _eligibility(participant, facts, marks.get(participant.pk, {}))


@dataclass
class ParticipantCertificate:
    """One row of the coordinators' table: the answer and the certificate, if any."""

    eligibility: Eligibility
    certificate: Certificate | None


def certificate_eligibility_for_edition(
    *, edition: Edition, now: datetime | None = None
) -> list[ParticipantCertificate]:
    """Each member participant's answer and valid certificate, in a fixed query count.

    Callers: the coordinators' eligibility table and `certificates_issue_for_edition`.
    """
    now = now or timezone.now()
    facts = _edition_facts(edition=edition, now=now)
    participants = list(
        participant_list_members(edition=edition)
        .select_related("enrolment__organisation", "edition", "user")
        .prefetch_related("enrolment__modules")
        .order_by("name", "pk")
    )
    marks = _marks_by_meeting(
        participant_ids=[p.pk for p in participants], edition=edition
    )
    certificates = {
        c.participant_id: c for c in Certificate.objects.valid().filter(edition=edition)
    }
    return [
        ParticipantCertificate(
            eligibility=_eligibility(p, facts, marks.get(p.pk, {})),
            certificate=certificates.get(p.pk),
        )
        for p in participants
    ]


def _edition_facts(*, edition: Edition, now: datetime) -> _EditionFacts:
    programme = edition.programme.specific
    schedule = edition_schedule(edition=edition)
    meetings_by_module: dict[object, list[Meeting]] = {}
    modules_by_key: dict[object, ModulePage] = {}
    for group in schedule:
        if group.module is None:
            continue
        key = group.module.translation_key
        modules_by_key[key] = group.module
        meetings_by_module[key] = [m for m in group.meetings if m.starts_at <= now]
    required_first = list(
        ModulePage.objects.child_of(programme).filter(is_required_first=True)
    )
    return _EditionFacts(
        threshold=programme_threshold(programme=programme),
        finished=edition_get_status(edition=edition, now=now) == EditionStatus.FINISHED,
        meetings_by_module=meetings_by_module,
        modules_by_key=modules_by_key,
        required_first=required_first,
        titles=_titles_in_active_language([*modules_by_key.values(), *required_first]),
    )


def _marks_by_meeting(
    *, participant_ids: list[int], edition: Edition
) -> dict[int, dict[int, str]]:
    marks: dict[int, dict[int, str]] = defaultdict(dict)
    rows = Attendance.objects.filter(
        participant_id__in=participant_ids, meeting__edition=edition
    ).values_list("participant_id", "meeting_id", "status")
    for participant_id, meeting_id, status in rows:
        marks[participant_id][meeting_id] = status
    return marks


def _eligibility(
    participant: Participant, facts: _EditionFacts, marks: dict[int, str]
) -> Eligibility:
    result = Eligibility(
        participant=participant,
        threshold=facts.threshold,
        edition_finished=facts.finished,
    )
    if not _is_confirmed(participant):
        result.reasons.append(
            Reason(
                code=IneligibilityCode.NOT_CONFIRMED,
                message=_("Your organisation's place in the edition is not confirmed."),
            )
        )
    if not facts.finished:
        result.reasons.append(
            Reason(
                code=IneligibilityCode.EDITION_NOT_FINISHED,
                message=_("The edition has not finished yet."),
            )
        )
    modules = _modules_taken(participant, facts)
    if not modules:
        result.reasons.append(
            Reason(
                code=IneligibilityCode.NO_MODULES,
                message=_("No modules are chosen for this place."),
            )
        )
    for module in modules:
        progress = _progress(module, facts, marks)
        result.modules.append(progress)
        reason = _module_reason(progress)
        if reason is not None:
            result.reasons.append(reason)
    return result


def _is_confirmed(participant: Participant) -> bool:
    return (
        participant.is_active
        and participant.enrolment.status == EnrolmentStatus.CONFIRMED
    )


def _modules_taken(participant: Participant, facts: _EditionFacts) -> list[ModulePage]:
    """The chosen modules plus the one everybody takes first, in module order."""
    by_key = {m.translation_key: m for m in participant.enrolment.modules.all()}
    for module in facts.required_first:
        by_key.setdefault(module.translation_key, module)
    return sorted(by_key.values(), key=lambda m: (m.module_number, m.path))


def _progress(
    module: ModulePage, facts: _EditionFacts, marks: dict[int, str]
) -> ModuleProgress:
    meetings = facts.meetings_by_module.get(module.translation_key, [])
    statuses = [marks.get(meeting.pk) for meeting in meetings]
    return ModuleProgress(
        module=module,
        title=facts.titles.get(module.translation_key) or str(module.title),
        meetings_held=len(meetings),
        attended=statuses.count(AttendanceStatus.PRESENT),
        excused=statuses.count(AttendanceStatus.EXCUSED),
        threshold=facts.threshold,
        minutes_held=sum(meeting.duration_minutes for meeting in meetings),
    )


def _module_reason(progress: ModuleProgress) -> Reason | None:
    if progress.meetings_held == 0:
        return Reason(
            code=IneligibilityCode.NO_MEETINGS,
            message=_("%(module)s: no meetings of this module have been held.")
            % {"module": progress.title},
        )
    if progress.met:
        return None
    return Reason(
        code=IneligibilityCode.MODULE_ATTENDANCE_BELOW_THRESHOLD,
        message=_(
            "%(module)s: attended %(attended)s of %(counted)s meetings "
            "(%(rate)s%%); %(threshold)s%% needed."
        )
        % {
            "module": progress.title,
            "attended": progress.attended,
            "counted": progress.counted,
            "rate": progress.rate,
            "threshold": progress.threshold,
        },
    )


def _titles_in_active_language(pages: Iterable[ModulePage]) -> dict[object, str]:
    """Module titles by translation key in the active language, else the source's."""
    return page_titles_in(pages=pages, language=translation.get_language() or "")


def page_titles_in(
    *, pages: Iterable[ModulePage | ProgrammePage], language: str
) -> dict[object, str]:
    """Page titles by translation key in `language`, else the given page's title."""
    pages = list(pages)
    titles: dict[object, str] = {page.translation_key: page.title for page in pages}
    if titles and language:
        translated = (
            type(pages[0])
            .objects.filter(
                translation_key__in=titles.keys(), locale__language_code=language
            )
            .values_list("translation_key", "title")
        )
        titles.update(dict(translated))
    return titles
