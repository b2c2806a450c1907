"""An offline machine translator for development and tests.

It does not translate: it marks each string so that nobody mistakes the result for
a translation, while the whole flow (machine translate, edit, review) stays usable
without a DeepL key.
"""

from bs4 import BeautifulSoup, NavigableString
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def _label(target_locale) -> str:
    return f"[{target_locale.language_code.upper()}·MT]"


def mark_html(html: str, label: str) -> str:
    """Prefix the first text of html with label, keeping the markup intact."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.descendants:
        if isinstance(node, NavigableString) and node.strip():
            node.replace_with(f"{label} {node.lstrip()}")
            return str(soup)
    return html


class OfflineMachineTranslator(BaseMachineTranslator):
    """Returns each string prefixed with e.g. "[ES·MT]": not a real translation."""

    display_name = _("Offline placeholder (not a real translation)")

    def translate(self, source_locale, target_locale, strings):
        label = _label(target_locale)
        return {
            string: StringValue(mark_html(string.data, label)) for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
