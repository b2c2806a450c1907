"""Emails rendered in the recipient's language, sent as plain text and HTML."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail import hooks

from learning.core.calendar import CalendarEvent, calendar_build

# A site answers with its organisation's name in a language (keyword `language`);
# the plugin cannot read the site's (translatable) settings itself.
ORGANISATION_NAME_HOOK = "learning_organisation_name"


@dataclass(frozen=True)
class Attachment:
    """A file sent with an email."""

    filename: str
    content: bytes
    mimetype: str


def calendar_attachment(
    *, events: Sequence[CalendarEvent], name: str, filename: str
) -> Attachment:
    """The events as an .ics file that calendar programs import."""
    return Attachment(
        filename=filename,
        content=calendar_build(events=events, name=name),
        mimetype="text/calendar",
    )


def email_language(*, language: str) -> str:
    """The site language closest to `language`; the default one when none fits."""
    codes = dict(settings.LANGUAGES)
    if language in codes:
        return language
    base = language.split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


def email_send(
    *,
    template: str,
    to: Sequence[str],
    language: str,
    context: Mapping[str, Any],
    attachments: Sequence[Attachment] = (),
) -> None:
    """Render emails/<template>.{subject.txt,txt,html} in `language` and send them."""
    language = email_language(language=language)
    with translation.override(language):
        full_context = {
            "site_url": site_url(),
            "organisation_name": organisation_name(language=language),
            **context,
        }
        subject = render_to_string(f"emails/{template}.subject.txt", full_context)
        text = render_to_string(f"emails/{template}.txt", full_context)
        html = render_to_string(f"emails/{template}.html", full_context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=list(to)
    )
    message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.send()


def site_url() -> str:
    """The site's public address without a trailing slash, for links in emails."""
    return str(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")


def organisation_name(*, language: str) -> str:
    """The organisation's name in `language` that emails sign with: the site's
    answer to ORGANISATION_NAME_HOOK, else WAGTAIL_SITE_NAME."""
    for hook in hooks.get_hooks(ORGANISATION_NAME_HOOK):
        name = hook(language=language)
        if name:
            return str(name)
    return str(getattr(settings, "WAGTAIL_SITE_NAME", ""))
