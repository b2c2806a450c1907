"""Writes of the feedback surveys: inviting people, saving answers, translating
free text for the team. Every rule about answers lives here.

Anonymous surveys: the response keeps no link to the person (no user, no
invitation); only the invitation records that they answered. Such an answer is
therefore sent once, complete, and cannot be changed afterwards: a draft kept
on the server would need a link back to the person.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from learning.notifications.services import task_enqueue_on_commit

from .enums import SCORE_MAX, SCORE_MIN
from .models import (
    Survey,
    SurveyAnswer,
    SurveyAnswerTranslation,
    SurveyInvitation,
    SurveyResponse,
)
from .selectors import (
    Occasion,
    Question,
    answers_needing_translation,
    invitation_existing_emails,
    occasion_held_check,
    occasion_of,
    participant_for_invitation,
    response_for_invitation,
    survey_invitees,
    survey_list_inviting,
    survey_occasions_open,
    survey_questions,
    survey_source_get,
    team_languages,
)

TEXT_MAX_CHARS = 5000

Answers = Mapping[str, Any]


# Invitations -------------------------------------------------------------------


def survey_invite(
    *,
    survey: Survey,
    occasion: Occasion,
    now: datetime | None = None,
    notify: bool = True,
) -> list[SurveyInvitation]:
    """Invite everyone concerned who has not been invited about the occasion yet.

    Codes: `occasion_mismatch`, `occasion_not_held`, `survey_not_open`,
    `survey_closed` (see `occasion_held_check`). The emails go once it commits;
    `notify=False` (the demo's past editions) records the invitations unsent.
    """
    now = now or timezone.now()
    survey = survey_source_get(survey=survey)
    occasion_held_check(survey=survey, occasion=occasion, now=now)
    with transaction.atomic():
        invited = invitation_existing_emails(survey=survey, occasion=occasion)
        new = []
        for invitee in survey_invitees(survey=survey, occasion=occasion):
            if invitee.email.lower() in invited:
                continue
            invited.add(invitee.email.lower())
            new.append(
                SurveyInvitation(
                    survey=survey,
                    user=invitee.user,
                    email=invitee.email,
                    language=invitee.language,
                    **occasion.fields(),
                )
            )
        # A second run at once (two clocks) loses the race on the unique
        # constraint and skips the rows the first one made.
        SurveyInvitation.objects.bulk_create(new, ignore_conflicts=True)
        # ignore_conflicts leaves the new rows without their pk: read them back.
        created = list(
            SurveyInvitation.objects.filter(
                survey=survey,
                occasion_key=occasion.key,
                email__in=[invitation.email for invitation in new],
                sent_at__isnull=True,
            )
        )
        for invitation in created if notify else []:
            _invitation_notify(invitation.pk)
    return created


def survey_invitations_due_create(*, now: datetime | None = None) -> int:
    """Invite people about every occasion that ended (or, before a module, is
    near) and whose survey is open; the scheduled job's work. Returns how many."""
    now = now or timezone.now()
    count = 0
    for survey in survey_list_inviting():
        for occasion in survey_occasions_open(survey=survey, now=now):
            count += len(survey_invite(survey=survey, occasion=occasion, now=now))
    return count


def invitation_send_claim(*, invitation_id: int, reminder: bool = False) -> bool:
    """Mark an invitation (or its reminder) as sent, once; False when it was."""
    unsent = {"reminded_at__isnull": True} if reminder else {"sent_at__isnull": True}
    stamp = {"reminded_at" if reminder else "sent_at": timezone.now()}
    return bool(
        SurveyInvitation.objects.filter(pk=invitation_id, **unsent).update(**stamp)
    )


def invitation_send_release(*, invitation_id: int, reminder: bool = False) -> None:
    """Undo a claim after the email failed, so that the next run sends it."""
    stamp = {"reminded_at" if reminder else "sent_at": None}
    SurveyInvitation.objects.filter(pk=invitation_id).update(**stamp)


def _invitation_notify(invitation_id: int, *, reminder: bool = False) -> None:
    from .tasks import survey_invitation_email_send

    task_enqueue_on_commit(
        survey_invitation_email_send, invitation_id=invitation_id, reminder=reminder
    )


def invitation_remind(*, invitation: SurveyInvitation) -> None:
    """Send the one reminder of an unanswered invitation."""
    _invitation_notify(invitation.pk, reminder=True)


def invitation_resend(*, invitation: SurveyInvitation) -> None:
    """Send again an invitation whose first sending failed."""
    _invitation_notify(invitation.pk)


# Answers -----------------------------------------------------------------------


def survey_answers_save(
    *,
    invitation: SurveyInvitation,
    answers: Answers,
    language: str,
    submit: bool,
    now: datetime | None = None,
) -> SurveyResponse | None:
    """Save a person's answers (all of them: a question left out is cleared).

    `submit` sends them; otherwise they are kept as a draft (named surveys only).
    Once sent, named answers stay sent and can be changed until the survey
    closes; anonymous ones cannot (see the module's docstring), and None is
    returned for them: nothing links the person to their response.
    Codes: `survey_closed`, `occasion_not_held`, `survey_not_open`,
    `unknown_question`, `score_out_of_range`, `answer_too_long`,
    `answer_required`, `anonymous_draft`, `already_answered`. Nothing is saved
    when one applies.
    """
    now = now or timezone.now()
    survey = survey_source_get(survey=invitation.survey)
    occasion_held_check(survey=survey, occasion=occasion_of(invitation), now=now)
    questions = survey_questions(survey=survey, language=language)
    clean = answers_clean(questions=questions, answers=answers)
    with transaction.atomic():
        invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if survey.anonymous:
            _anonymous_check(invitation=invitation, submit=submit)
            response = _anonymous_response(invitation=invitation, now=now)
        else:
            response = _named_response(invitation=invitation, now=now)
            submit = submit or response.submitted_at is not None
        if submit:
            _complete_check(questions=questions, clean=clean)
        saved = _answers_replace(response=response, clean=clean)
        _response_finish(response, language=language, submit=submit, now=now)
        if submit and invitation.answered_at is None:
            invitation.answered_at = now
            invitation.save(update_fields=["answered_at"])
    if submit:
        _translations_enqueue(saved)
    return None if survey.anonymous else response


def answers_clean(
    *, questions: list[Question], answers: Answers
) -> dict[str, int | str]:
    """Each given answer checked against its question: {question id: score or text}.

    Empty answers are dropped. Codes: `unknown_question`, `score_out_of_range`,
    `answer_too_long`.
    """
    by_id = {question.id: question for question in questions}
    clean: dict[str, int | str] = {}
    for question_id, value in answers.items():
        question = by_id.get(str(question_id))
        if question is None:
            raise ValidationError(
                _("There is no question %(id)s in this survey.") % {"id": question_id},
                code="unknown_question",
            )
        if value is None or value == "":
            continue
        clean[question.id] = (
            _score_clean(value) if question.scored else _text_clean(value)
        )
    return {key: value for key, value in clean.items() if value != ""}


def _score_clean(value: Any) -> int:
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise _score_error()
    score = int(str(value).strip())
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise _score_error()
    return score


def _score_error() -> ValidationError:
    return ValidationError(
        _("A score is a whole number from %(min)d to %(max)d.")
        % {"min": SCORE_MIN, "max": SCORE_MAX},
        code="score_out_of_range",
    )


def _text_clean(value: Any) -> str:
    text = str(value).strip()
    if len(text) > TEXT_MAX_CHARS:
        raise ValidationError(
            _("An answer holds at most %(max)d characters.") % {"max": TEXT_MAX_CHARS},
            code="answer_too_long",
        )
    return text


def _complete_check(*, questions: list[Question], clean: dict[str, Any]) -> None:
    missing = [q for q in questions if q.scored and q.id not in clean]
    if missing:
        raise ValidationError(
            _("Please give a score for every question with a scale."),
            code="answer_required",
        )


def _anonymous_check(*, invitation: SurveyInvitation, submit: bool) -> None:
    if invitation.answered_at is not None:
        raise ValidationError(
            _("You have already answered this anonymous survey."),
            code="already_answered",
        )
    if not submit:
        raise ValidationError(
            _("Answers to an anonymous survey are sent once, all together."),
            code="anonymous_draft",
        )


def _anonymous_response(
    *, invitation: SurveyInvitation, now: datetime
) -> SurveyResponse:
    participant = participant_for_invitation(invitation=invitation)
    # The day only: an exact time could be matched to the invitation's
    # `answered_at` and so to the person.
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return SurveyResponse.objects.create(
        survey_id=invitation.survey_id,
        organisation=participant.enrolment.organisation if participant else None,
        started_at=day,
        **occasion_of(invitation).fields(),
    )


def _named_response(*, invitation: SurveyInvitation, now: datetime) -> SurveyResponse:
    response = response_for_invitation(invitation=invitation)
    if response is not None:
        return response
    participant = participant_for_invitation(invitation=invitation)
    organisation = participant.enrolment.organisation if participant else None
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(
                survey_id=invitation.survey_id,
                invitation=invitation,
                user_id=invitation.user_id,
                organisation=organisation,
                started_at=now,
                **occasion_of(invitation).fields(),
            )
    except IntegrityError:
        # Answered already through another invitation of the same account.
        raise ValidationError(
            _("You have already answered this survey."), code="already_answered"
        ) from None


def _answers_replace(
    *, response: SurveyResponse, clean: dict[str, int | str]
) -> list[SurveyAnswer]:
    """Write the answers; those no longer given are removed. Returns the changed."""
    existing = {answer.question_id: answer for answer in response.answers.all()}
    response.answers.exclude(question_id__in=list(clean)).delete()
    changed = []
    for question_id, value in clean.items():
        score, text = (value, "") if isinstance(value, int) else (None, value)
        answer = existing.get(question_id)
        if answer is not None and (answer.score, answer.text) == (score, text):
            continue
        if answer is None:
            answer = SurveyAnswer(response=response, question_id=question_id)
        elif answer.text != text:
            answer.translations.all().delete()
        answer.score, answer.text = score, text
        answer.full_clean()
        answer.save()
        changed.append(answer)
    return changed


def _response_finish(
    response: SurveyResponse, *, language: str, submit: bool, now: datetime
) -> None:
    if response.invitation_id is None and response.user_id is None:
        # Anonymous: only the day, on every timestamp (see _anonymous_response).
        # update() leaves auto_now alone, which would write the exact time.
        SurveyResponse.objects.filter(pk=response.pk).update(
            language=language,
            submitted_at=response.started_at,
            updated_at=response.started_at,
        )
        return
    response.language = language
    if submit and response.submitted_at is None:
        response.submitted_at = now
    response.save()


def _translations_enqueue(answers: list[SurveyAnswer]) -> None:
    ids = [answer.pk for answer in answers if answer.text]
    if ids:
        from .tasks import survey_answers_translate

        task_enqueue_on_commit(survey_answers_translate, answer_ids=ids)


# Machine translation -----------------------------------------------------------


def answer_translations_make(*, answer_ids: list[int]) -> int:
    """Machine translate free-text answers into the team's languages, once each.

    A failing or missing translator leaves the original alone (returns 0): the
    team then reads the answer as written. Returns how many were made.
    """
    translator = get_machine_translator()
    if translator is None:
        return 0
    made = 0
    for answer in answers_needing_translation(answer_ids=answer_ids):
        done = {t.language for t in answer.translations.all()}
        source = answer.response.language
        for language in team_languages():
            if language == source or language in done:
                continue
            text = _translate(translator, answer.text, source, language)
            if text:
                made += _translation_store(answer, language, text)
    return made


def _translate(translator: Any, text: str, source: str, target: str) -> str:
    source_locale = Locale(language_code=source)
    target_locale = Locale(language_code=target)
    try:
        if not translator.can_translate(source_locale, target_locale):
            return ""
        string = StringValue.from_plaintext(text)
        result = translator.translate(source_locale, target_locale, [string])
        return str(result[string].render_text())
    except Exception:  # any backend failure: the team reads the original only
        return ""


def _translation_store(answer: SurveyAnswer, language: str, text: str) -> int:
    _row, created = SurveyAnswerTranslation.objects.get_or_create(
        answer=answer, language=language, defaults={"text": text}
    )
    return int(created)
