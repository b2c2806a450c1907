"""A person's survey invitations and named answers, for privacy.

Anonymous answers are not the person's data in any findable way (no link leads
to them) and are neither exported nor erased. Erasing named answers keeps their
scores, so the indicators stay as they were, but removes the link to the person
and the free texts (which may name them), with their machine translations.
"""

from typing import Any

from django.db.models import QuerySet

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import (
    SurveyAnswer,
    SurveyAnswerTranslation,
    SurveyInvitation,
    SurveyResponse,
)

INVITATION_FIELDS = ("survey", "email", "language", "sent_at", "answered_at")
ANSWER_FIELDS = ("response", "question_id", "score", "text")


def _invitations(person: Person) -> QuerySet[SurveyInvitation]:
    return SurveyInvitation.objects.filter(person.q(email="email", user="user"))


def _answers(person: Person) -> QuerySet[SurveyAnswer]:
    by_invitation = person.q(
        email="response__invitation__email", user="response__invitation__user"
    )
    by_user = person.q(user="response__user")
    return SurveyAnswer.objects.filter(by_invitation | by_user).distinct()


def invitations_export(person: Person) -> list[dict[str, Any]]:
    """The surveys the person was asked to answer, and when they answered."""
    rows = _invitations(person).select_related("survey").order_by("created_at", "pk")
    return export_rows(rows, INVITATION_FIELDS)


def invitations_erase(person: Person) -> int:
    # Kept, so response rates stay true; the address and account go.
    return _invitations(person).update(email=person.placeholder_email, user=None)


def answers_export(person: Person) -> list[dict[str, Any]]:
    """The person's answers to named surveys, question by question."""
    rows = _answers(person).select_related("response__survey")
    return export_rows(
        rows.order_by("response__started_at", "pk"),
        ("question_id", "score", "text"),
        response=lambda answer: str(answer.response.survey),
        language=lambda answer: answer.response.language,
        submitted_at=lambda answer: answer.response.submitted_at,
    )


def answers_erase(person: Person) -> int:
    answers = _answers(person)
    response_ids = list(answers.values_list("response_id", flat=True))
    SurveyAnswerTranslation.objects.filter(answer__in=answers).delete()
    changed = (
        SurveyAnswer.objects.filter(pk__in=answers.values("pk"))
        .exclude(text="")
        .update(text="")
    )
    # The scores stay (aggregates unchanged); nothing leads back to the person.
    SurveyResponse.objects.filter(pk__in=response_ids).update(
        user=None, invitation=None
    )
    return changed + len(set(response_ids))


personal_data_register(
    PersonalDataKind(
        key="survey_answers",
        label=verbose_plural(SurveyAnswer),
        columns=(
            ("response", SurveyAnswer._meta.get_field("response").verbose_name),
            *field_columns(SurveyAnswer, ("question_id", "score", "text")),
            *field_columns(SurveyResponse, ("language", "submitted_at")),
        ),
        export=answers_export,
        erase=answers_erase,
        # Found through the invitations: erased before them.
        order=40,
    ),
    PersonalDataKind(
        key="survey_invitations",
        label=verbose_plural(SurveyInvitation),
        columns=field_columns(SurveyInvitation, INVITATION_FIELDS),
        export=invitations_export,
        erase=invitations_erase,
    ),
)
