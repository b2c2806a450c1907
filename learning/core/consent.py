"""Consent to the privacy statement: one rule and one form field for every sign-up."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from learning.core import conf

CONSENT_REQUIRED = "consent_required"


def consent_validate(*, consent: bool) -> None:
    """Refuse a sign-up without consent to the privacy statement."""
    if not consent:
        raise ValidationError(
            gettext_lazy("Please accept the privacy statement."), code=CONSENT_REQUIRED
        )


def privacy_statement_url() -> str:
    """The privacy statement page's address in the active language; empty if none."""
    slug = conf.privacy_page_slug()
    default = Locale.get_default()
    page = Page.objects.live().filter(slug=slug, locale=default).first()
    if page is None:
        return ""
    return page.localized.get_url() or ""


def consent_label(*, for_organisation: bool = False) -> str | SafeString:
    """The consent sentence, linking the privacy statement when the site has one."""
    url = privacy_statement_url()
    if for_organisation:
        plain = _(
            "I agree that my organisation's data is kept as the privacy "
            "statement explains."
        )
        linked = _(
            "I agree that my organisation's data is kept as the {link} explains."
        )
    else:
        plain = _("I agree that my data is kept as the privacy statement explains.")
        linked = _("I agree that my data is kept as the {link} explains.")
    if not url:
        return plain
    return format_html(
        linked, link=format_html('<a href="{}">{}</a>', url, _("privacy statement"))
    )


class ConsentField(forms.BooleanField):
    """The consent checkbox of a sign-up form; its label is set per request."""

    def __init__(self, **kwargs: Any) -> None:
        # Not required here: the service checks it (consent_validate) with its own
        # message and code, so that the rule lives once for forms and the API.
        super().__init__(required=False, **kwargs)
