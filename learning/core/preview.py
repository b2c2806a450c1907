"""Headless preview: an external frontend shows an editor a page's saved draft.

Wagtail's preview panel offers one more mode, "External frontend", when the site
sets LEARNING_HEADLESS_PREVIEW_URL. That mode frames the frontend's address with
`?token=…`: a signed, short-lived token bound to one revision of one page in one
locale. The frontend hands the token to the site's API, which reads it here
(`preview_token_read`) and shows that revision and nothing else.

No table stores previews: the token carries its own claim and Django's signing
(SECRET_KEY, a salt of its own) makes it unforgeable, so expiry is all there is to
clean up. The price is that the frontend shows saved drafts, not unsaved edits.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Revision

from . import conf

SALT = "learning.core.preview"
MODE = "headless"


@dataclass(frozen=True)
class PreviewClaim:
    """What a token vouches for: this revision of this page in this locale."""

    revision_id: int
    page_id: int
    language_code: str


def preview_token_make(*, revision: Revision) -> str:
    """A signed token for one saved revision of a page (its page and locale)."""
    page = revision.content_object
    claim = {"r": revision.pk, "p": page.pk, "l": page.locale.language_code}
    return signing.dumps(claim, salt=SALT)


def preview_token_read(*, token: str) -> PreviewClaim:
    """The token's claim; ValidationError `preview_token_expired` when too old,
    `preview_token_invalid` when it is not one of ours (tampered, truncated)."""
    max_age = conf.headless_preview_minutes() * 60
    try:
        claim = signing.loads(token, salt=SALT, max_age=max_age)
        return PreviewClaim(
            revision_id=int(claim["r"]),
            page_id=int(claim["p"]),
            language_code=str(claim["l"]),
        )
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("This preview link has expired: open the preview again."),
            code="preview_token_expired",
        ) from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            _("This preview link is not valid."), code="preview_token_invalid"
        ) from error


def preview_revision_object(*, claim: PreviewClaim) -> Page:
    """The page as its claimed revision has it; ValidationError
    `preview_revision_unknown` when the page or revision is gone or does not match."""
    revision = (
        Revision.objects.page_revisions()
        .filter(pk=claim.revision_id, object_id=str(claim.page_id))
        .first()
    )
    page = revision.as_object() if revision and revision.content_object else None
    if page is None or page.locale.language_code != claim.language_code:
        raise ValidationError(
            _("The draft of this preview no longer exists."),
            code="preview_revision_unknown",
        )
    return page


def preview_url(*, base_url: str, token: str) -> str:
    """base_url with `token` added to its query (keeping what is there)."""
    parts = urlsplit(base_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "token"]
    query.append(("token", token))
    return urlunsplit(parts._replace(query=urlencode(query)))


class HeadlessPreviewMixin:
    """For page models an external frontend renders: adds the "External frontend"
    preview mode (when the site configured one) beside the site's own."""

    @property
    def preview_modes(self) -> list[tuple[str, Any]]:
        modes = list(super().preview_modes)  # type: ignore[misc]  # a mixin's super
        if conf.headless_preview_url():
            modes.append((MODE, gettext_lazy("External frontend")))
        return modes

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        if mode_name != MODE:
            response: HttpResponse = super().serve_preview(request, mode_name)  # type: ignore[misc]  # a mixin's super
            return response
        # The form's unsaved object carries the page's id; its latest revision is
        # what was last saved (the frontend cannot show unsaved edits).
        pk = self.pk  # type: ignore[attr-defined]  # the page's
        page = Page.objects.filter(pk=pk).select_related("latest_revision").first()
        revision = page.latest_revision if page else None
        context: dict[str, Any] = {"revision": revision, "frontend_url": ""}
        if revision is not None:
            token = preview_token_make(revision=revision)
            context["frontend_url"] = preview_url(
                base_url=conf.headless_preview_url(), token=token
            )
            context["minutes"] = conf.headless_preview_minutes()
        return TemplateResponse(
            request, "learning/admin/headless_preview.html", context
        )
