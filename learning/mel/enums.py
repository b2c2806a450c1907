"""The kinds of feedback survey and of question."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyKind(models.TextChoices):
    """When a survey is asked: the occasion it follows (or precedes)."""

    AFTER_MEETING = "after_meeting", _("after each meeting")
    MODULE_BEFORE = "module_before", _("before each module")
    MODULE_AFTER = "module_after", _("after each module")
    EDITION_END = "edition_end", _("at the end of the edition")
    EVENT_END = "event_end", _("after each event")


class QuestionKind(models.TextChoices):
    """A question's block name: what its answer holds."""

    SCORE = "score", _("score from 1 to 5")
    TEXT = "text", _("free text")
    OBJECTIVE = "objective", _("self-assessment from 1 to 5")


# The kinds whose answer is a score (1 to 5); the others hold text.
SCORED_KINDS = frozenset({QuestionKind.SCORE, QuestionKind.OBJECTIVE})
SCORE_MIN = 1
SCORE_MAX = 5
