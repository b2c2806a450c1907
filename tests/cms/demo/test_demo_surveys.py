"""The demo's feedback surveys: English with Spanish translations, and answers in
both languages for every held meeting, module and the end of the past edition."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.demo.learning import PAST_SLUG, ensure_editions
from cms.demo.surveys import ensure_surveys
from learning.mel.enums import SurveyKind
from learning.mel.models import Survey, SurveyResponse
from tests.cms.demo.test_demo_learning import programme_like_the_seed
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def test_the_past_edition_gets_surveys_and_answers_in_english_and_spanish():
    programme = programme_like_the_seed()
    for key in ("a", "b"):
        UserFactory(email=f"participant-{key}@example.org")
    ensure_editions(programme=programme, today=timezone.localdate())
    # After the editions: an untranslated programme keeps sign-up closed.
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "es")
    }

    created, _reused = ensure_surveys()
    again = ensure_surveys()

    sources = Survey.objects.filter(programme=programme, locale=locales["en"])
    assert set(sources.values_list("kind", flat=True)) == set(SurveyKind.values) - {
        SurveyKind.EVENT_END
    }
    assert Survey.objects.filter(locale=locales["es"]).count() == sources.count()
    submitted = SurveyResponse.objects.filter(
        edition__slug=PAST_SLUG, submitted_at__isnull=False
    )
    assert set(submitted.values_list("language", flat=True)) == {"en", "es"}
    for kind in sources.values_list("kind", flat=True):
        assert submitted.filter(survey__kind=kind).count() >= 3, kind
    assert not submitted.filter(survey__anonymous=True, user__isnull=False).exists()
    assert created > 0 and again == (0, sources.count())
