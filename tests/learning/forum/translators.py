"""Machine translators for the forum's translation tests, named in
WAGTAILLOCALIZE_MACHINE_TRANSLATOR as the site names DeepL."""

from typing import ClassVar

from django.utils import timezone
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from cms.translations.machine import OfflineMachineTranslator


def use(settings, name: str) -> None:
    """Configure the translator class `name` of this module."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": f"tests.learning.forum.translators.{name}",
        "OPTIONS": {},
    }


class CountingTranslator(OfflineMachineTranslator):
    """The offline translator, remembering each (source, target) it was asked."""

    calls: ClassVar[list[tuple[str, str]]] = []

    def translate(self, source_locale, target_locale, strings):
        CountingTranslator.calls.append(
            (source_locale.language_code, target_locale.language_code)
        )
        return super().translate(source_locale, target_locale, strings)


class FailingTranslator(BaseMachineTranslator):
    """A translation service that is down."""

    def translate(self, source_locale, target_locale, strings):
        raise ConnectionError("the translation service is unreachable")

    def can_translate(self, source_locale, target_locale):
        return True


class HostileTranslator(BaseMachineTranslator):
    """Answers with markup that must never reach a reader."""

    ANSWER = (
        '<p onclick="steal()">Hola <script>alert(1)</script>'
        '<a href="javascript:alert(2)">aquí</a> <a href="https://example.org">sitio</a>'
        '<img src="x" onerror="steal()"><style>p{}</style></p>'
    )

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(self.ANSWER) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return True


class EditedMeanwhileTranslator(OfflineMachineTranslator):
    """The author edits the post while its translation is being made."""

    def translate(self, source_locale, target_locale, strings):
        from learning.forum.models import Post

        Post.objects.update(body_markdown="Changed meanwhile", edited_at=timezone.now())
        return super().translate(source_locale, target_locale, strings)
