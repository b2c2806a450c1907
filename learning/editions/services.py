"""Writes of editions and meetings, as a coordinator makes them."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.log_actions import log

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import ProgrammePage, SessionTopicPage
from learning.catalogue.selectors import page_source_get
from learning.core.occurrence import OCCURRENCE_MAX_MINUTES, aware_validate
from learning.core.openings import opening_decide
from learning.core.types import AuthUser

from .models import Edition, Meeting
from .places import places_changed, places_taken_count

# Dates whose change asks the translation gate again.
EDITION_DATE_FIELDS = (
    "enrolment_opens_at",
    "enrolment_closes_at",
    "starts_on",
    "ends_on",
)
EDITION_UPDATABLE_FIELDS = frozenset(
    {
        "title",
        "slug",
        "starts_on",
        "ends_on",
        "enrolment_opens_at",
        "enrolment_closes_at",
        "places",
        "min_representatives",
        "max_representatives",
        "requires_approval",
        "time_zone",
        "is_online",
        "venue",
        "city",
        "country",
    }
)
MEETING_UPDATABLE_FIELDS = frozenset(
    {
        "session_topic",
        "title",
        "starts_at",
        "duration_minutes",
        "join_url",
        "interpretation_languages",
        "recording_url",
    }
)


def edition_create(
    *,
    programme: ProgrammePage,
    starts_on: date,
    ends_on: date,
    enrolment_opens_at: datetime,
    enrolment_closes_at: datetime,
    places: int,
    title: str = "",
    slug: str = "",
    min_representatives: int = 2,
    max_representatives: int = 3,
    requires_approval: bool = False,
    time_zone: str = "",
    is_online: bool = False,
    venue: str = "",
    city: str = "",
    country: str = "",
    actor: AuthUser | None = None,
) -> Edition:
    """Create an edition of the programme's default-language page."""
    aware_validate(enrolment_opens_at, enrolment_closes_at)
    source = page_source_get(page=programme)
    edition = Edition(
        programme=source,
        title=title.strip(),
        # An untitled edition is named by its month on reading; its slug too.
        slug=slug or slugify(title) or f"{starts_on:%Y-%m}",
        starts_on=starts_on,
        ends_on=ends_on,
        enrolment_opens_at=enrolment_opens_at,
        enrolment_closes_at=enrolment_closes_at,
        places=places,
        min_representatives=min_representatives,
        max_representatives=max_representatives,
        requires_approval=requires_approval,
        time_zone=time_zone or source.time_zone,
        is_online=is_online,
        venue=venue.strip(),
        city=city.strip(),
        country=country.strip(),
    )
    _location_validate(edition=edition)
    with transaction.atomic():
        edition.full_clean()
        edition.save()
        log(instance=edition, action="wagtail.create", user=actor)
        # Enrolment opens by the dates only once the gate lets it.
        opening_decide(subject=edition)
    return edition


def edition_update(
    *,
    edition: Edition,
    data: Mapping[str, Any],
    actor: AuthUser | None = None,
    now: datetime | None = None,
) -> Edition:
    """Change an edition; added places go to the waitlist, as offers."""
    _fields_validate(data=data, allowed=EDITION_UPDATABLE_FIELDS)
    aware_validate(*(v for v in data.values() if isinstance(v, datetime)))
    with transaction.atomic():
        locked = Edition.objects.lock(pk=edition.pk)
        rescheduled = any(
            name in data and data[name] != getattr(locked, name)
            for name in EDITION_DATE_FIELDS
        )
        for name, value in data.items():
            setattr(locked, name, value)
        _places_validate(edition=locked)
        _location_validate(edition=locked)
        locked.full_clean()
        locked.save()
        log(instance=locked, action="wagtail.edit", user=actor)
        places_changed(edition=locked, now=now or timezone.now())
        if rescheduled:
            # New dates ask the gate again: a held edition whose pages are now
            # ready opens; an open one stays open (OPEN is final).
            opening_decide(subject=locked, now=now)
    return locked


def edition_facilitators_set(
    *,
    edition: Edition,
    users: Iterable[AuthUser],
    actor: AuthUser | None = None,
) -> Edition:
    """Make exactly these active users the edition's facilitators."""
    chosen = list(users)
    inactive = [user for user in chosen if not user.is_active]
    if inactive:
        raise ValidationError(
            {
                "facilitators": ValidationError(
                    _("An inactive account cannot facilitate an edition."),
                    code="facilitator_inactive",
                )
            }
        )
    with transaction.atomic():
        edition.facilitators.set(chosen)
        log(
            instance=edition,
            action="editions.facilitators_set",
            user=actor,
            data={"facilitator_ids": [user.pk for user in chosen]},
        )
    return edition


def meeting_create(
    *,
    edition: Edition,
    starts_at: datetime,
    duration_minutes: int,
    session_topic: SessionTopicPage | None = None,
    title: str = "",
    join_url: str = "",
    interpretation_languages: Sequence[str] = (),
    recording_url: str = "",
    actor: AuthUser | None = None,
) -> Meeting:
    """Plan a meeting of the edition, on one of its programme's session topics."""
    _meeting_time_validate(starts_at=starts_at, duration_minutes=duration_minutes)
    meeting = Meeting(
        edition=edition,
        session_topic=_session_topic_resolve(edition=edition, topic=session_topic),
        title=title.strip(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        join_url=join_url,
        interpretation_languages=list(interpretation_languages),
        recording_url=recording_url,
    )
    meeting.full_clean()
    meeting.save()
    log(instance=meeting, action="wagtail.create", user=actor)
    return meeting


def meeting_update(
    *,
    meeting: Meeting,
    data: Mapping[str, Any],
    actor: AuthUser | None = None,
) -> Meeting:
    """Change a meeting, e.g. add its recording; calendars see time or link changes."""
    _fields_validate(data=data, allowed=MEETING_UPDATABLE_FIELDS)
    changes = dict(data)
    if "session_topic" in changes:
        changes["session_topic"] = _session_topic_resolve(
            edition=meeting.edition, topic=changes["session_topic"]
        )
    _meeting_time_validate(
        starts_at=changes.get("starts_at", meeting.starts_at),
        duration_minutes=changes.get("duration_minutes", meeting.duration_minutes),
    )
    meeting.changes_apply(changes)
    meeting.full_clean()
    meeting.save()
    log(instance=meeting, action="wagtail.edit", user=actor)
    return meeting


def _fields_validate(*, data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s."),
            code="unknown_field",
            params={"fields": ", ".join(unknown)},
        )


def _places_validate(*, edition: Edition) -> None:
    taken = places_taken_count(edition=edition)
    if edition.places < taken:
        raise ValidationError(
            ngettext_lazy(
                "%(taken)d place is taken already: give at least as many.",
                "%(taken)d places are taken already: give at least as many.",
                "taken",
            ),
            code="places_below_taken",
            params={"taken": taken},
        )


def _location_validate(*, edition: Edition) -> None:
    # A seminar travels: each run says where it meets, so people can decide to
    # come. Other formats meet online and may leave it unsaid.
    if edition.programme.programme_format != ProgrammeFormat.SEMINAR:
        return
    if not edition.is_online and not (edition.city and edition.country):
        raise ValidationError(
            _("Say where this seminar meets: a city and country, or online."),
            code="location_required",
        )


def _meeting_time_validate(*, starts_at: datetime, duration_minutes: int) -> None:
    aware_validate(starts_at)
    if duration_minutes < 1:
        raise ValidationError(
            _("A meeting lasts at least a minute."), code="meeting_too_short"
        )
    if duration_minutes > OCCURRENCE_MAX_MINUTES:
        raise ValidationError(
            _("A meeting lasts at most %(maximum)d minutes."),
            code="meeting_too_long",
            params={"maximum": OCCURRENCE_MAX_MINUTES},
        )


def _session_topic_resolve(
    *, edition: Edition, topic: SessionTopicPage | None
) -> SessionTopicPage | None:
    if topic is None:
        return None
    source = page_source_get(page=topic)
    in_programme = SessionTopicPage.objects.descendant_of(edition.programme)
    if not in_programme.filter(pk=source.pk).exists():
        raise ValidationError(
            _("This session topic is not part of the edition's programme."),
            code="unknown_session_topic",
        )
    return source
