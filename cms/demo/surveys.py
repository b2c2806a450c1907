"""Feedback surveys of the Mutual Learning Program (English, with their Spanish
translations) and realistic answers, in English and Spanish, for every held
meeting, module and the end of the past edition, so every MEL chart has data.

Built through the survey services (invitations recorded without emails: the
occasions are past), answered "at the time", a few days after each occasion.
"""

import zlib
from datetime import datetime, timedelta

from wagtail.models import Locale

from learning.editions.models import Edition
from learning.editions.selectors import edition_schedule
from learning.mel.enums import SurveyKind
from learning.mel.models import Survey, SurveyInvitation
from learning.mel.selectors import Occasion, occasion_window
from learning.mel.services import survey_answers_save, survey_invite

from .learning import PAST_SLUG

# (kind, id, English, Spanish). Before and after a module share the objective
# ids, so the pre/post change pairs by question.
MEETING = (
    (
        "score",
        "useful",
        "How useful was this meeting for your work?",
        "¿Qué tan útil fue esta reunión para tu trabajo?",
    ),
    ("text", "learned", "One thing you learned.", "Algo que aprendiste."),
    ("text", "change", "One thing you would change.", "Algo que cambiarías."),
)
OBJECTIVES = (
    (
        "objective",
        "obj-practices",
        "I can describe the module's practices to a colleague.",
        "Puedo describir las prácticas del módulo a un colega.",
    ),
    (
        "objective",
        "obj-apply",
        "I can apply one of them in my organisation.",
        "Puedo aplicar una de ellas en mi organización.",
    ),
)
EDITION_END = (
    (
        "score",
        "overall",
        "Overall, how valuable was the programme?",
        "En general, ¿qué tan valioso fue el programa?",
    ),
    (
        "score",
        "peers",
        "How much did you learn from the other organisations?",
        "¿Cuánto aprendiste de las otras organizaciones?",
    ),
    (
        "text",
        "next",
        "What will you do differently now?",
        "¿Qué harás distinto a partir de ahora?",
    ),
)
SURVEYS = (
    (
        "After each meeting",
        "Después de cada reunión",
        SurveyKind.AFTER_MEETING,
        False,
        MEETING,
    ),
    (
        "Before each module",
        "Antes de cada módulo",
        SurveyKind.MODULE_BEFORE,
        False,
        OBJECTIVES,
    ),
    (
        "After each module",
        "Después de cada módulo",
        SurveyKind.MODULE_AFTER,
        False,
        OBJECTIVES,
    ),
    (
        "End of the edition",
        "Fin de la edición",
        SurveyKind.EDITION_END,
        True,
        EDITION_END,
    ),
)
TEXTS = {
    "en": (
        "Listening to how other ministries plan with families.",
        "Start the dialogue before the plan is written.",
        "More time in small groups, please.",
        "The case from Peru was very concrete.",
        "Sharing the slides before the meeting would help.",
    ),
    "es": (
        "Escuchar cómo otros ministerios planifican con las familias.",
        "Empezar el diálogo antes de escribir el plan.",
        "Más tiempo en grupos pequeños, por favor.",
        "El caso de Colombia fue muy concreto.",
        "Compartir las diapositivas antes de la reunión ayudaría.",
    ),
}
# One person in this many does not answer a given survey.
SKIP_EVERY = 4


def ensure_surveys() -> tuple[int, int]:
    """The programme's surveys and the past edition's answers; (created, reused)."""
    edition = Edition.objects.filter(slug=PAST_SLUG).select_related("programme").first()
    if edition is None:
        return 0, 0
    created = reused = 0
    for spec in SURVEYS:
        survey, made = _survey(edition, spec)
        created, reused = created + made, reused + (not made)
        for occasion, at in _occasions(edition, survey):
            done = _answer_all(survey, occasion, at)
            created += done
    return created, reused


def _survey(edition: Edition, spec: tuple) -> tuple[Survey, bool]:
    title, title_es, kind, anonymous, questions = spec
    default = Locale.get_default()
    survey = Survey.objects.filter(
        programme=edition.programme, kind=kind, locale=default
    ).first()
    if survey is not None:
        return survey, False
    survey = Survey.objects.create(
        programme=edition.programme,
        title=title,
        kind=kind,
        anonymous=anonymous,
        open_days=14,
        locale=default,
        questions=_blocks(questions, 2),
    )
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is not None:
        translated = survey.copy_for_translation(spanish)
        translated.title = title_es
        translated.questions = _blocks(questions, 3)
        translated.save()
    return survey, True


def _blocks(questions: tuple, text_at: int) -> list[dict]:
    return [
        {"type": q[0], "id": q[1], "value": {"text": q[text_at]}} for q in questions
    ]


def _occasions(edition: Edition, survey: Survey) -> list[tuple[Occasion, datetime]]:
    """Each occasion of the survey with a moment its window was open."""
    if survey.kind == SurveyKind.EDITION_END:
        occasions = [Occasion(edition=edition)]
    elif survey.kind == SurveyKind.AFTER_MEETING:
        occasions = [
            Occasion(edition=edition, meeting=m) for m in edition.meetings.all()
        ]
    else:
        occasions = [
            Occasion(edition=edition, module=group.module)
            for group in edition_schedule(edition=edition)
            if group.module is not None
        ]
    found = []
    for occasion in occasions:
        window = occasion_window(survey=survey, occasion=occasion)
        found.append((occasion, window.opens_at + timedelta(hours=20)))
    return found


def _answer_all(survey: Survey, occasion: Occasion, at: datetime) -> int:
    if at >= datetime.now(tz=at.tzinfo):
        return 0  # not yet held
    survey_invite(survey=survey, occasion=occasion, now=at, notify=False)
    answered = 0
    invitations = SurveyInvitation.objects.filter(
        survey=survey, occasion_key=occasion.key, answered_at__isnull=True
    ).order_by("pk")
    for invitation in invitations:
        seed = zlib.crc32(f"{invitation.email}|{occasion.key}".encode())
        if seed % SKIP_EVERY == 0:
            continue
        language = "es" if invitation.language == "es" or seed % 3 == 0 else "en"
        survey_answers_save(
            invitation=invitation,
            answers=_answers(survey, seed, language),
            language=language,
            submit=True,
            now=at + timedelta(hours=seed % 48),
        )
        answered += 1
    return answered


def _answers(survey: Survey, seed: int, language: str) -> dict[str, object]:
    before = survey.kind == SurveyKind.MODULE_BEFORE
    answers: dict[str, object] = {}
    for index, block in enumerate(survey.questions):
        mixed = (seed >> (index * 3)) % 7
        if block.block_type == "text":
            if mixed % 2 == 0:
                answers[block.id] = TEXTS[language][
                    (seed + index) % len(TEXTS[language])
                ]
        else:
            # Mostly 3-5; self-assessment lower before a module than after it.
            score = 3 + mixed % 3 - (1 + mixed % 2 if before else 0)
            answers[block.id] = max(1, min(5, score))
    return answers
