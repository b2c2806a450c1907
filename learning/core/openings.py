"""The gate before a sign-up opens: an edition's enrolment, an event's RSVP, an
information session's sign-up.

learning only knows that checks exist: the site registers them in its AppConfig.ready
(cms.translations registers the translation gate), since what is "ready" depends on
content learning does not own. Each format asks here when a subject is created or
rescheduled (`opening_decide`) and before each sign-up (`opening_validate`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.log_actions import log

from learning.core.types import AnyUser, AuthUser

from .models import Opening, OpeningState


@dataclass(frozen=True)
class OpeningBlocker:
    """One thing that keeps a subject closed, e.g. a page missing in a language."""

    title: str
    language: str
    status: str
    status_label: str
    url: str = ""


@dataclass
class OpeningReport:
    """What the checks say: {language: status} and what blocks the opening."""

    languages: dict[str, str] = field(default_factory=dict)
    blockers: list[OpeningBlocker] = field(default_factory=list)
    # Each status's translated label, for the admin.
    status_labels: dict[str, str] = field(default_factory=dict)

    @property
    def passes(self) -> bool:
        return not self.blockers


OpeningCheck = Callable[[models.Model], OpeningReport]
_checks: dict[str, OpeningCheck] = {}


def opening_check_register(*, name: str, check: OpeningCheck) -> None:
    """Add a check every opening must pass (called from an AppConfig.ready)."""
    _checks[name] = check


def opening_checks_registered() -> bool:
    """Whether any check gates openings (without one, nothing is ever held)."""
    return bool(_checks)


def opening_report(*, subject: models.Model) -> OpeningReport:
    """Every registered check's verdict on subject, merged."""
    report = OpeningReport()
    for check in _checks.values():
        part = check(subject)
        report.languages.update(part.languages)
        report.blockers.extend(part.blockers)
        report.status_labels.update(part.status_labels)
    return report


def _rows(subject: models.Model) -> models.QuerySet[Opening]:
    content_type = ContentType.objects.get_for_model(subject)
    return Opening.objects.filter(content_type=content_type, object_id=subject.pk)


def opening_get(*, subject: models.Model) -> Opening | None:
    """The gate's decision on subject; None when it predates the gate."""
    return _rows(subject).first()


# What a public page says instead of a sign-up form while the gate holds it.
OPENING_HELD_MESSAGE = _(
    "Sign-up opens once the pages about this programme are ready in every "
    "language it is offered in. Please come back soon."
)


def opening_is_held(*, subject: models.Model) -> bool:
    """Whether the gate holds subject's sign-up (its decision is BLOCKED).

    Callers: each format's "is sign-up open" selector (edition status, RSVP
    state, registration state, information session sign-up), so the pages and
    the API show "not open yet" rather than a form that would be refused. Reads
    the `opening_state` annotation (opening_annotations) when present, so a
    list costs no query per row.
    """
    if hasattr(subject, "opening_state"):
        return bool(subject.opening_state == OpeningState.BLOCKED)
    return _held_in_database(subject)


def _held_in_database(subject: models.Model) -> bool:
    return _rows(subject).filter(state=OpeningState.BLOCKED).exists()


def opening_gate(*, subject: models.Model) -> str:
    """ "open" or "blocked": whether sign-ups may open by the subject's dates.

    For the API and the admin; the same answer opening_validate acts on.
    """
    if opening_is_held(subject=subject):
        return OpeningState.BLOCKED.value
    return OpeningState.OPEN.value


def opening_validate(*, subject: models.Model) -> None:
    """Refuse a sign-up while the gate holds subject (code `opening_blocked`)."""
    # The row itself, never a list's annotation: this decides a write.
    if _held_in_database(subject):
        raise ValidationError(
            _("Sign-up is not open yet. Please come back later."),
            code="opening_blocked",
        )


@transaction.atomic
def opening_decide(
    *, subject: models.Model, now: datetime | None = None
) -> Opening | None:
    """Record whether subject may open: OPEN when the checks pass, else BLOCKED.

    Called when a subject is created, and by the scheduled job while it is
    blocked. An OPEN subject stays open.
    """
    if not _checks:
        return None
    current = opening_get(subject=subject)
    if current is not None and current.state == OpeningState.OPEN:
        return current
    report = opening_report(subject=subject)
    state = OpeningState.OPEN if report.passes else OpeningState.BLOCKED
    return _record(subject, current, state=state, now=now or timezone.now())


@transaction.atomic
def opening_open(
    *,
    subject: models.Model,
    actor: AuthUser,
    override_reason: str = "",
    now: datetime | None = None,
) -> Opening:
    """A coordinator opens subject: refused while something blocks it, unless an
    admin overrides with a reason (kept in the audit log)."""
    now = now or timezone.now()
    report = opening_report(subject=subject)
    reason = override_reason.strip()
    current = opening_get(subject=subject)
    if report.passes or (current is not None and current.state == OpeningState.OPEN):
        return _record(subject, current, state=OpeningState.OPEN, now=now, user=actor)
    if not reason:
        raise OpeningBlockedError(report)
    if not actor.is_superuser:
        raise PermissionDenied(_("Only an administrator may open it anyway."))
    blockers = report.blockers
    opening = _record(subject, current, state=OpeningState.OPEN, now=now, user=actor)
    opening.overridden_by = actor
    opening.override_reason = reason
    opening.save(update_fields=["overridden_by", "override_reason"])
    log(
        instance=subject,
        action="learning.opening.override",
        user=actor,
        data={
            "reason": reason,
            "blockers": [f"{b.title} ({b.language}: {b.status})" for b in blockers],
        },
    )
    return opening


class OpeningBlockedError(ValidationError):
    """Raised by opening_open: the report says what blocks, for the admin to list."""

    def __init__(self, report: OpeningReport):
        super().__init__(
            ngettext_lazy(
                "It cannot open yet: %(count)d page is missing or outdated in a "
                "language of the programme.",
                "It cannot open yet: %(count)d pages are missing or outdated in a "
                "language of the programme.",
                "count",
            ),
            code="translation_gate_blocked",
            params={"count": len(report.blockers)},
        )
        self.report = report


def _record(
    subject: models.Model,
    current: Opening | None,
    *,
    state: str,
    now: datetime,
    user: AnyUser | None = None,
) -> Opening:
    if current is None:
        current = Opening(
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
        )
    was_held = current.state == OpeningState.BLOCKED
    if current.state != state or current.pk is None:
        current.state = state
        current.decided_at = now
        current.save()
        # Opening at creation is no news; opening after a hold is.
        if was_held and state == OpeningState.OPEN:
            log(instance=subject, action="learning.opening.open", user=user)
    return current


def openings_blocked() -> list[models.Model]:
    """Subjects the gate holds, for the scheduled job to look at again."""
    return [o.subject for o in _openings(state=OpeningState.BLOCKED) if o.subject]


def openings_open() -> list[Opening]:
    """Open decisions with their subjects (the outdated marks work on these)."""
    return [o for o in _openings(state=OpeningState.OPEN) if o.subject is not None]


def _openings(*, state: str) -> models.QuerySet[Opening]:
    return (
        Opening.objects.filter(state=state)
        .select_related("content_type")
        .prefetch_related("subject")
    )


def opening_outdated_set(*, opening: Opening, since: datetime | None) -> None:
    """Mark an open subject's translation outdated since a date, or clear it;
    a mark already set keeps its first date."""
    if opening.outdated_since == since or (since and opening.outdated_since):
        return
    opening.outdated_since = since
    opening.save(update_fields=["outdated_since"])


def openings_refresh(*, now: datetime | None = None) -> tuple[int, int]:
    """Open the blocked subjects whose checks now pass, and clear the outdated mark
    of open ones that are up to date again: (opened, cleared). The scheduled job."""
    now = now or timezone.now()
    decisions = [opening_decide(subject=s, now=now) for s in openings_blocked()]
    opened = sum(d is not None and d.state == OpeningState.OPEN for d in decisions)
    cleared = 0
    for opening in openings_open():
        subject = opening.subject  # None once its row is deleted
        if (
            opening.outdated_since
            and subject is not None
            and opening_report(subject=subject).passes
        ):
            opening_outdated_set(opening=opening, since=None)
            cleared += 1
    return opened, cleared


def opening_annotations(model: type[models.Model]) -> dict[str, models.Subquery]:
    """`opening_state` and `opening_outdated_since` of each row, for a list's
    queryset of model (annotate it: the list keeps its number of queries)."""
    # By the content type's natural key, joined in the subquery: building the
    # queryset makes no query (a list's count stays the same on a cold cache).
    rows = Opening.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=OuterRef("pk"),
    )
    return {
        "opening_state": models.Subquery(rows.values("state")[:1]),
        "opening_outdated_since": models.Subquery(rows.values("outdated_since")[:1]),
    }
