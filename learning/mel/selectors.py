"""Reads of the feedback surveys: questions in a language, occasions and their
windows, who is invited, a person's open surveys, the answers for the team.

Every rule is read from the source (default-locale) survey; a translation only
gives the wording. Callers: the survey services, the scheduled jobs, the site's
answer page, the answer API and the MEL indicators (which count only submitted
responses, see `SurveyResponse.submitted_at`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from learning.catalogue.models import ModulePage, ProgrammePage
from learning.catalogue.selectors import module_list_for_programme
from learning.core.conf import mel_module_before_days, mel_reminder_days_before_close
from learning.core.types import AnyUser, AuthUser
from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import participant_list_members
from learning.enrolments.models import Participant
from learning.events.models import Event, EventRsvp

from .enums import QuestionKind, SurveyKind
from .models import (
    Survey,
    SurveyAnswer,
    SurveyAnswerTranslation,
    SurveyInvitation,
    SurveyResponse,
    occasion_key_for,
)


@dataclass(frozen=True)
class Question:
    """One question as a participant reads it: its stable id, kind and wording."""

    id: str
    kind: str
    text: str

    @property
    def scored(self) -> bool:
        return self.kind in (QuestionKind.SCORE, QuestionKind.OBJECTIVE)


@dataclass(frozen=True)
class Occasion:
    """What a survey is about: a meeting, a module in an edition, an edition or an
    event (one of them, with the edition where there is one)."""

    edition: Edition | None = None
    meeting: Meeting | None = None
    module: ModulePage | None = None
    event: Event | None = None

    @property
    def key(self) -> str:
        return occasion_key_for(
            edition=self.edition,
            meeting=self.meeting,
            module=self.module,
            event=self.event,
        )

    def fields(self) -> dict[str, Any]:
        """The occasion columns of an invitation or response."""
        return {
            "edition": self.edition,
            "meeting": self.meeting,
            "module": self.module,
            "event": self.event,
            "occasion_key": self.key,
        }

    @property
    def label(self) -> str:
        """What the occasion is called in the active language."""
        if self.meeting is not None:
            return self.meeting.display_title
        if self.event is not None:
            return self.event.label
        if self.module is not None:
            return str(self.module.localized.title)
        return str(self.edition) if self.edition else ""


def occasion_of(row: SurveyInvitation | SurveyResponse) -> Occasion:
    """The occasion an invitation or response is about."""
    return Occasion(
        edition=row.edition, meeting=row.meeting, module=row.module, event=row.event
    )


@dataclass(frozen=True)
class Window:
    """When a survey about one occasion accepts answers: [opens_at, closes_at)."""

    opens_at: datetime
    closes_at: datetime

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now < self.closes_at


@dataclass(frozen=True)
class Invitee:
    """A person to invite: address, account (when they have one) and language."""

    email: str
    language: str
    user: AuthUser | None = None


@dataclass
class OpenSurvey:
    """An invitation with what a list of a person's surveys shows."""

    invitation: SurveyInvitation
    window: Window
    answered: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


# Questions ---------------------------------------------------------------------


def survey_source_get(*, survey: Survey) -> Survey:
    """The default-locale survey whose rules apply."""
    return survey.source


def survey_in_language(*, survey: Survey, language: str) -> Survey:
    """The survey's translation in `language`, else the source."""
    source = survey_source_get(survey=survey)
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == source.locale_id:
        return source
    translated = source.get_translation_or_none(locale)
    return translated or source


def survey_questions(*, survey: Survey, language: str) -> list[Question]:
    """The questions in `language` (the source's wording for any not translated)."""
    source = survey_source_get(survey=survey)
    wording = {
        block.id: block.value["text"]
        for block in survey_in_language(survey=source, language=language).questions
    }
    return [
        Question(
            id=block.id,
            kind=block.block_type,
            text=str(wording.get(block.id) or block.value["text"]),
        )
        for block in source.questions
    ]


# Occasions and windows ---------------------------------------------------------


def occasion_window(*, survey: Survey, occasion: Occasion) -> Window:
    """When the survey accepts answers about the occasion.

    Codes: `occasion_mismatch` (the occasion is not of this survey's kind and
    programme), `occasion_not_held` (a module without meetings in the edition).
    """
    survey = survey_source_get(survey=survey)
    _occasion_check(survey=survey, occasion=occasion)
    opened = _opening(survey=survey, occasion=occasion)
    if survey.kind == SurveyKind.MODULE_BEFORE:
        return Window(opened - timedelta(days=mel_module_before_days()), opened)
    return Window(opened, opened + timedelta(days=survey.open_days))


def occasion_held_check(*, survey: Survey, occasion: Occasion, now: datetime) -> Window:
    """The window, when the survey may be asked now (for invitations and answers).

    Codes: those of `occasion_window`; `occasion_not_held` (the meeting, module,
    edition or event has not ended yet), `survey_not_open` (a 'before' survey
    asked too early), `survey_closed`.
    """
    window = occasion_window(survey=survey, occasion=occasion)
    if now < window.opens_at:
        if survey_source_get(survey=survey).kind == SurveyKind.MODULE_BEFORE:
            raise ValidationError(
                _("This survey does not accept answers yet."), code="survey_not_open"
            )
        raise ValidationError(
            _("This survey is about something that has not taken place yet."),
            code="occasion_not_held",
        )
    if now >= window.closes_at:
        raise ValidationError(
            _("This survey closed on %(date)s.")
            % {"date": timezone.localtime(window.closes_at).date().isoformat()},
            code="survey_closed",
        )
    return window


def _occasion_check(*, survey: Survey, occasion: Occasion) -> None:
    needed = {
        SurveyKind.AFTER_MEETING: occasion.meeting is not None,
        SurveyKind.MODULE_BEFORE: occasion.module is not None,
        SurveyKind.MODULE_AFTER: occasion.module is not None,
        SurveyKind.EDITION_END: occasion.edition is not None
        and occasion.meeting is None
        and occasion.module is None,
        SurveyKind.EVENT_END: occasion.event is not None,
    }[SurveyKind(survey.kind)]
    if not needed or not _of_programme(survey=survey, occasion=occasion):
        raise ValidationError(
            _("This survey is not asked about that."), code="occasion_mismatch"
        )


def _of_programme(*, survey: Survey, occasion: Occasion) -> bool:
    programme_id = survey.programme_id
    if occasion.event is not None:
        return _event_in_programme(event=occasion.event, programme=survey.programme)
    if occasion.meeting is not None:
        return bool(occasion.meeting.edition.programme_id == programme_id)
    edition = occasion.edition
    if edition is None or edition.programme_id != programme_id:
        return False
    module = occasion.module
    if module is None:
        return True
    if survey.module_id is not None:
        return bool(module.pk == survey.module_id)
    return bool(module.path.startswith(survey.programme.path))


def _event_in_programme(*, event: Event, programme: ProgrammePage) -> bool:
    parents = ProgrammePage.objects.filter(translation_key=programme.translation_key)
    page_path = event.page.path
    return any(
        page_path.startswith(parent.path) and event.page.depth == parent.depth + 1
        for parent in parents
    )


def _opening(*, survey: Survey, occasion: Occasion) -> datetime:
    """The moment the window is measured from (an end, or a module's first start)."""
    if occasion.meeting is not None:
        return occasion.meeting.ends_at
    if occasion.event is not None:
        return occasion.event.ends_at
    assert occasion.edition is not None  # noqa: S101 (checked by _occasion_check)
    if occasion.module is not None:
        meetings = _module_meetings(edition=occasion.edition, module=occasion.module)
        if not meetings:
            raise ValidationError(
                _("This module has no meetings in the edition."),
                code="occasion_not_held",
            )
        if survey.kind == SurveyKind.MODULE_BEFORE:
            return meetings[0].starts_at
        return max(meeting.ends_at for meeting in meetings)
    return _edition_end(occasion.edition)


def _module_meetings(*, edition: Edition, module: ModulePage) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            edition=edition, session_topic__path__startswith=module.path
        ).order_by("starts_at", "pk")
    )


def _edition_end(edition: Edition) -> datetime:
    """The end of the edition's last meeting, else the end of its last day."""
    last = edition.meetings.order_by("-starts_at").first()
    if last is not None:
        return last.ends_at
    end_day = edition.ends_on + timedelta(days=1)
    return datetime.combine(end_day, time.min, tzinfo=edition.zone)


def survey_occasions_open(*, survey: Survey, now: datetime) -> list[Occasion]:
    """The occasions whose window holds `now`: those to invite people about."""
    candidates = {
        SurveyKind.AFTER_MEETING: _meeting_occasions,
        SurveyKind.EVENT_END: _event_occasions,
        SurveyKind.EDITION_END: _edition_occasions,
        SurveyKind.MODULE_BEFORE: _module_occasions,
        SurveyKind.MODULE_AFTER: _module_occasions,
    }[SurveyKind(survey.kind)](survey, now)
    result = []
    for occasion in candidates:
        try:
            window = occasion_window(survey=survey, occasion=occasion)
        except ValidationError:
            continue
        if window.is_open(now):
            result.append(occasion)
    return result


def _horizon(survey: Survey, now: datetime) -> datetime:
    # Nothing that started before this can still be open (meetings last < a day).
    return now - timedelta(days=survey.open_days + 1)


def _meeting_occasions(survey: Survey, now: datetime) -> list[Occasion]:
    meetings = Meeting.objects.filter(
        edition__programme_id=survey.programme_id,
        starts_at__lte=now,
        starts_at__gte=_horizon(survey, now),
    ).select_related("edition", "session_topic")
    return [Occasion(edition=m.edition, meeting=m) for m in meetings]


def _event_occasions(survey: Survey, now: datetime) -> list[Occasion]:
    events = Event.objects.filter(
        starts_at__lte=now, starts_at__gte=_horizon(survey, now)
    ).select_related("page")
    return [
        Occasion(event=event)
        for event in events
        if _event_in_programme(event=event, programme=survey.programme)
    ]


def _recent_editions(survey: Survey, now: datetime) -> QuerySet[Edition]:
    today = timezone.localdate(now)
    ahead = today + timedelta(days=mel_module_before_days() + 1)
    return Edition.objects.filter(
        programme_id=survey.programme_id,
        starts_on__lte=ahead,
        ends_on__gte=today - timedelta(days=survey.open_days + 1),
    )


def _edition_occasions(survey: Survey, now: datetime) -> list[Occasion]:
    return [Occasion(edition=e) for e in _recent_editions(survey, now)]


def _module_occasions(survey: Survey, now: datetime) -> list[Occasion]:
    modules = (
        [survey.module]
        if survey.module is not None
        else list(module_list_for_programme(programme=survey.programme))
    )
    return [
        Occasion(edition=edition, module=module)
        for edition in _recent_editions(survey, now)
        for module in modules
    ]


# Invitations -------------------------------------------------------------------


def survey_list_inviting() -> QuerySet[Survey]:
    """The source surveys that invite people (translations share their rules)."""
    return (
        Survey.objects.filter(is_active=True, locale__language_code=_default_language())
        .select_related("programme", "module")
        .order_by("pk")
    )


def _default_language() -> str:
    return str(Locale.get_default().language_code)


def survey_invitees(*, survey: Survey, occasion: Occasion) -> list[Invitee]:
    """Who is asked about the occasion: the edition's members (for a module,
    those whose organisation chose it), or the people attending an event."""
    if occasion.event is not None:
        rsvps = EventRsvp.objects.filter(event=occasion.event, attending=True)
        return [Invitee(email=r.email, language=r.language) for r in rsvps]
    assert occasion.edition is not None  # noqa: S101 (every other occasion has one)
    members = participant_list_members(edition=occasion.edition)
    if occasion.module is not None:
        members = members.filter(enrolment__modules=occasion.module)
    return [
        Invitee(email=p.email, language=p.preferred_language, user=p.user)
        for p in members.select_related("user").order_by("pk")
    ]


def invitation_existing_emails(*, survey: Survey, occasion: Occasion) -> set[str]:
    """The addresses already invited about the occasion, lower-cased."""
    emails = SurveyInvitation.objects.filter(
        survey=survey, occasion_key=occasion.key
    ).values_list("email", flat=True)
    return {email.lower() for email in emails}


def invitation_list_unsent(*, now: datetime) -> list[SurveyInvitation]:
    """Invitations still unsent an hour after they were made (a failed send),
    whose survey is open: a closed survey is never announced."""
    # An hour's grace: a send still waiting in the queue is not a failed one.
    rows = SurveyInvitation.objects.filter(
        sent_at__isnull=True,
        answered_at__isnull=True,
        created_at__lt=now - timedelta(hours=1),
        created_at__gte=now - timedelta(days=366),
    ).select_related(*INVITATION_RELATED)
    return [row for row in rows.order_by("pk") if _is_open(row, now)]


def _is_open(invitation: SurveyInvitation, now: datetime) -> bool:
    try:
        window = occasion_window(
            survey=invitation.survey, occasion=occasion_of(invitation)
        )
    except ValidationError:
        return False
    return window.is_open(now)


def invitation_list_reminder_due(*, now: datetime) -> list[SurveyInvitation]:
    """Unanswered, sent, not yet reminded invitations whose survey closes soon."""
    rows = (
        SurveyInvitation.objects.filter(
            sent_at__isnull=False,
            reminded_at__isnull=True,
            answered_at__isnull=True,
            sent_at__gte=now - timedelta(days=366),
        )
        .select_related(*INVITATION_RELATED)
        .order_by("pk")
    )
    soon = timedelta(days=mel_reminder_days_before_close())
    due = []
    for invitation in rows:
        try:
            window = occasion_window(
                survey=invitation.survey, occasion=occasion_of(invitation)
            )
        except ValidationError:
            continue
        if window.is_open(now) and window.closes_at - now <= soon:
            due.append(invitation)
    return due


INVITATION_RELATED = (
    "survey__programme",
    "survey__module",
    "survey__locale",
    "edition",
    "meeting__edition",
    "meeting__session_topic",
    "module",
    "event__page",
    "user",
)


def invitation_get_by_token(*, token: str) -> SurveyInvitation:
    """The invitation of an answer link; `SurveyInvitation.DoesNotExist` otherwise."""
    return SurveyInvitation.objects.select_related(*INVITATION_RELATED).get(token=token)


def invitation_list_for_user(*, user: AnyUser | None) -> QuerySet[SurveyInvitation]:
    """The user's own invitations (none for anonymous visitors)."""
    if user is None or not user.is_authenticated:
        return SurveyInvitation.objects.none()
    return (
        SurveyInvitation.objects.filter(user=user)
        .select_related(*INVITATION_RELATED)
        .order_by("-created_at", "pk")
    )


def invitation_get_for_user(*, user: AnyUser | None, pk: int) -> SurveyInvitation:
    """The user's own invitation; `SurveyInvitation.DoesNotExist` otherwise."""
    return invitation_list_for_user(user=user).get(pk=pk)


def invitation_list_open_for_user(
    *, user: AnyUser | None, now: datetime
) -> list[OpenSurvey]:
    """The user's surveys that accept answers now, soonest to close first."""
    found = []
    for invitation in invitation_list_for_user(user=user):
        try:
            window = occasion_window(
                survey=invitation.survey, occasion=occasion_of(invitation)
            )
        except ValidationError:
            continue
        if window.is_open(now):
            answered = invitation.answered_at is not None
            found.append(OpenSurvey(invitation, window, answered=answered))
    return sorted(found, key=lambda item: (item.window.closes_at, item.invitation.pk))


def response_for_invitation(*, invitation: SurveyInvitation) -> SurveyResponse | None:
    """The named response given through the invitation, with its answers.

    None for an anonymous survey: nothing leads from an invitation to its answers.
    """
    return (
        SurveyResponse.objects.filter(invitation=invitation)
        .prefetch_related("answers")
        .first()
    )


def participant_for_invitation(*, invitation: SurveyInvitation) -> Participant | None:
    """The edition member who was invited, for their organisation."""
    if invitation.edition_id is None:
        return None
    by_person = Q(email__iexact=invitation.email)
    if invitation.user_id is not None:
        by_person |= Q(user_id=invitation.user_id)
    return (
        Participant.objects.filter(by_person, edition_id=invitation.edition_id)
        .select_related("enrolment__organisation")
        .order_by("-is_active", "pk")
        .first()
    )


# The answer page ---------------------------------------------------------------


@dataclass
class AnswerState:
    """What a person answering sees: the survey in their language, its window,
    and their own answers (none shown for an anonymous survey)."""

    invitation: SurveyInvitation
    title: str
    introduction: str
    occasion: str
    anonymous: bool
    questions: list[Question]
    window: Window
    now: datetime
    response: SurveyResponse | None
    answers: dict[str, int | str]

    @property
    def not_yet_open(self) -> bool:
        return self.now < self.window.opens_at

    @property
    def closed(self) -> bool:
        return self.now >= self.window.closes_at

    @property
    def answered(self) -> bool:
        return self.invitation.answered_at is not None

    @property
    def submitted(self) -> bool:
        return self.response is not None and self.response.submitted_at is not None

    @property
    def editable(self) -> bool:
        """Whether answers may be given or changed now (the service's rules)."""
        if self.not_yet_open or self.closed:
            return False
        return not (self.anonymous and self.answered)

    def answer_rows(self) -> list[tuple[Question, str]]:
        """Each question with the answer given, for the read-only view."""
        return [(q, str(self.answers.get(q.id, ""))) for q in self.questions]


def survey_answer_state(
    *, invitation: SurveyInvitation, language: str, now: datetime
) -> AnswerState:
    """The answer page's (and the API's) view of one invitation.

    Raises ValidationError (`occasion_mismatch`, `occasion_not_held`) when the
    occasion no longer fits the survey; callers treat it as not found.
    """
    survey = survey_source_get(survey=invitation.survey)
    shown = survey_in_language(survey=survey, language=language)
    response = (
        None if survey.anonymous else response_for_invitation(invitation=invitation)
    )
    answers = {
        answer.question_id: answer.score if answer.score is not None else answer.text
        for answer in (response.answers.all() if response else [])
    }
    occasion = occasion_of(invitation)
    return AnswerState(
        invitation=invitation,
        title=shown.title,
        introduction=shown.introduction,
        occasion=occasion.label,
        anonymous=survey.anonymous,
        questions=survey_questions(survey=survey, language=language),
        window=occasion_window(survey=survey, occasion=occasion),
        now=now,
        response=response,
        answers=answers,
    )


# Answers for the team ----------------------------------------------------------


@dataclass(frozen=True)
class TextAnswer:
    """A free-text answer in its language, with a machine translation when made."""

    question_id: str
    text: str
    language: str
    translation: str
    translation_language: str


def text_answer_list(
    *, responses: QuerySet[SurveyResponse], language: str
) -> list[TextAnswer]:
    """The submitted free-text answers of `responses`, each with its machine
    translation into `language` (empty when none was made or it failed).

    Callers: the MEL drill down (with the team member's language). Two queries.
    """
    answers = (
        SurveyAnswer.objects.filter(
            response__in=responses.filter(submitted_at__isnull=False)
        )
        .exclude(text="")
        .select_related("response")
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=SurveyAnswerTranslation.objects.filter(language=language),
                to_attr="in_language",
            )
        )
        .order_by("question_id", "response__submitted_at", "pk")
    )
    return [_text_answer(answer, language) for answer in answers]


def _text_answer(answer: SurveyAnswer, language: str) -> TextAnswer:
    made = answer.in_language  # type: ignore[attr-defined]  # prefetched to_attr
    same = answer.response.language == language
    return TextAnswer(
        question_id=answer.question_id,
        text=answer.text,
        language=answer.response.language,
        translation="" if same or not made else made[0].text,
        translation_language="" if same or not made else language,
    )


def team_languages() -> list[str]:
    """The languages answers are machine translated into: the site's languages."""
    return [code for code, _name in settings.LANGUAGES]


def answers_needing_translation(*, answer_ids: Iterable[int]) -> QuerySet[SurveyAnswer]:
    """The free-text answers among `answer_ids`, with translations made so far."""
    return (
        SurveyAnswer.objects.filter(pk__in=list(answer_ids))
        .exclude(text="")
        .select_related("response")
        .prefetch_related("translations")
    )
