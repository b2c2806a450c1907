"""Digest sections: what higher apps add to an email digest a lower app sends.

A digest (the forum's email to facilitators before a meeting) is sent by an app
low in learning's layers, which may not import the apps above it. An app higher
up (the preparation for meetings adds how ready the participants are) registers,
in its AppConfig.ready(), a `DigestSection` under the digest's name; the sending
task renders every registered section for its subject and recipients, in each
recipient's language, and places them in the email. With no section
registered, the digest is exactly what its sender makes alone.

A section decides who may see it: its `context` answers only for the
recipients allowed, and nothing for a subject it has nothing to say about.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from learning.core.types import AuthUser

# (*, subject, users, language) -> {user pk: template context}. Called once per
# language with the recipients who read it, so that its queries do not grow
# with the recipients; a recipient left out gets no section.
SectionContext = Callable[..., Mapping[int, Mapping[str, Any]]]


@dataclass(frozen=True)
class DigestSection:
    """One section of a digest, rendered from `<template>.html` and `.txt`."""

    key: str  # unique within a digest; registering it again replaces it
    template: str  # e.g. "emails/digest_sections/meeting_readiness"
    context: SectionContext
    order: int = 50  # sections appear in ascending order, then by key


@dataclass(frozen=True)
class RenderedSection:
    """A section as one recipient reads it, for the digest's HTML and text."""

    key: str
    html: SafeString
    text: str


_sections: dict[str, dict[str, DigestSection]] = defaultdict(dict)


def digest_section_register(digest: str, *sections: DigestSection) -> None:
    """Add sections to the digest named `digest` (e.g. "forum.meeting_digest")."""
    for section in sections:
        _sections[digest][section.key] = section


def digest_section_unregister(digest: str, key: str) -> None:
    """Remove a section (a site that does not want it; tests)."""
    _sections[digest].pop(key, None)


def digest_sections(*, digest: str) -> list[DigestSection]:
    """The digest's registered sections, in display order."""
    return sorted(_sections[digest].values(), key=lambda s: (s.order, s.key))


def digest_sections_render(
    *,
    digest: str,
    subject: object,
    users: Iterable[AuthUser],
    language_of: Callable[[AuthUser], str],
) -> dict[int, list[RenderedSection]]:
    """Each recipient's sections of the digest about `subject`, in their language.

    Called by the task that sends the digest; recipients without a section are
    absent from the answer.
    """
    sections = digest_sections(digest=digest)
    rendered: dict[int, list[RenderedSection]] = defaultdict(list)
    if not sections:
        return {}
    by_language: dict[str, list[AuthUser]] = defaultdict(list)
    for user in users:
        by_language[language_of(user)].append(user)
    for language, readers in by_language.items():
        with translation.override(language):
            for section in sections:
                contexts = section.context(
                    subject=subject, users=readers, language=language
                )
                for user in readers:
                    if user.pk in contexts:
                        rendered[user.pk].append(_render(section, contexts[user.pk]))
    return dict(rendered)


def _render(section: DigestSection, context: Mapping[str, Any]) -> RenderedSection:
    html = render_to_string(f"{section.template}.html", dict(context))
    text = render_to_string(f"{section.template}.txt", dict(context))
    # The HTML template autoescapes what it shows, so its output is safe.
    return RenderedSection(key=section.key, html=mark_safe(html), text=text.strip())  # noqa: S308
