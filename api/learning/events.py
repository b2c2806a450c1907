"""Learning event endpoints: events with their RSVP state, answering an event's
invitation, changing that answer with the link from its email, and the RSVP
list for coordinators.

Events of a series and member-led sessions (a session is an event) alike;
`interpretation_languages` and, once an event has ended, its `recordings` (the
request's language first) come with each.

Who may call: reading events, anyone (a key must carry `learning:read`);
answering, anyone, no account needed (throttled per address; a key must carry
`learning:write`); changing an answer, anyone holding the link's token; the
RSVP list, coordinators only (signed-in people, never an app's key). Events
never show who answered, only places left.
"""

from datetime import datetime
from itertools import chain
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.documents import get_document_model
from wagtail.models import Locale

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.pages import title_localized, titles_localized
from learning.enrolments.membership import user_is_coordinator
from learning.events.blocks import BackgroundDocumentKind
from learning.events.links import rsvp_from_token
from learning.events.models import EVENT_FORMATS, Event, EventRsvp
from learning.events.selectors import (
    SeriesEvent,
    event_rsvp_state,
    events_of_programme,
)
from learning.events.services import rsvp_change, rsvp_submit

from ..content.representation import absolute
from ..pagination import ApiPagination
from ..permissions import LearningRead, OpenLearning
from ..throttling import RsvpThrottle
from . import serializers_events as s
from .gate import GateSerializer, gate_data
from .shared import (
    IDEMPOTENCY,
    LIST_PAGE,
    NOT_COORDINATOR,
    SignUpView,
    person_answers,
    programme_param,
    request_values,
)

TAGS = ["learning"]
WHEN = ("upcoming", "past")
ID_PATH = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Event id.")
ERRORS = {
    400: OpenApiResponse(description="Invalid input; `code` says which rule."),
    404: OpenApiResponse(description="No such event, or its page is not live."),
}

Listed = tuple[ProgrammePage, SeriesEvent]


# Reading ---------------------------------------------------------------------


def _programmes(request: Request) -> list[ProgrammePage]:
    """The live series and member-led-session programmes asked for
    (`?programme=`, any translation)."""
    programme_id = programme_param(request)
    pages = ProgrammePage.objects.live()
    if programme_id:
        page = pages.filter(pk=programme_id).first()
        return [page_source_get(page=page)] if page else []
    return list(
        pages.filter(
            programme_format__in=EVENT_FORMATS, locale=Locale.get_default()
        ).order_by("path")
    )


def _when_param(request: Request) -> str:
    when = request.query_params.get("when", "")
    if when and when not in WHEN:
        raise serializers.ValidationError(
            {"when": [_("Choose upcoming or past.")]}, code="invalid_choice"
        )
    return when


def _listed(
    programmes: list[ProgrammePage], *, when: str, now: datetime
) -> list[Listed]:
    """Events yet to end (soonest first), then past ones (latest first)."""
    # A series holds tens of events and platforms a series or two: shaping them
    # all before paging costs the selector's few queries per series.
    upcoming: list[Listed] = []
    past: list[Listed] = []
    for programme in programmes:
        series = events_of_programme(programme=programme, now=now)
        upcoming += [(programme, item) for item in series.upcoming]
        past += [(programme, item) for item in series.past]
    upcoming.sort(key=lambda pair: (pair[1].event.starts_at, pair[1].event.pk))
    past.sort(key=lambda pair: (pair[1].event.starts_at, pair[1].event.pk))
    past.reverse()
    chosen = {"upcoming": [upcoming], "past": [past]}.get(when, [upcoming, past])
    return list(chain(*chosen))


def _documents(items: list[SeriesEvent], request: Request) -> dict[int, list]:
    """Each event page's background documents, found in one query for all."""
    raw = {
        item.event.pk: [
            block["value"]
            for block in item.page.background_documents.raw_data
            if block["type"] == "document"
        ]
        for item in items
    }
    ids = {value.get("document") for values in raw.values() for value in values}
    found = get_document_model().objects.in_bulk(ids - {None})
    kinds = dict(BackgroundDocumentKind.choices)
    return {
        pk: [
            {
                "title": value.get("title") or document.title,
                "kind": value.get("kind") or "other",
                "kind_label": str(kinds.get(value.get("kind"), kinds["other"])),
                "url": absolute(document.url, request),
            }
            for value in values
            if (document := found.get(value.get("document"))) is not None
        ]
        for pk, values in raw.items()
    }


def _event_data(listed: list[Listed], request: Request, *, now: datetime) -> list[dict]:
    titles = titles_localized(pages=[programme for programme, _item in listed])
    documents = _documents([item for _programme, item in listed], request)
    return [
        _one_event(programme, item, request, now=now, titles=titles, docs=documents)
        for programme, item in listed
    ]


def _one_event(
    programme: ProgrammePage,
    item: SeriesEvent,
    request: Request,
    *,
    now: datetime,
    titles: dict,
    docs: dict[int, list],
) -> dict:
    event, note = item.event, item.learning_note
    state = event_rsvp_state(event=event, now=now)
    return {
        "id": event.pk,
        "title": item.title,
        "page_id": item.page.pk,
        "url": item.page.get_full_url(request),
        "programme": {
            "id": programme.pk,
            "title": title_localized(page=programme, titles=titles),
        },
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "duration_minutes": event.duration_minutes,
        "time_zone": event.time_zone,
        "rsvp_closes_at": event.rsvp_closes_at,
        "rsvp": {
            "is_open": state.is_open,
            "status": state.status,
            "places_left": state.places_left,
        },
        "interpretation_languages": list(event.interpretation_languages),
        "recordings": [
            {"language": recording.language, "url": recording.url}
            for recording in (item.recordings if event.ends_at <= now else ())
        ],
        "background_documents": docs[event.pk],
        "learning_note": None
        if note is None
        else {"id": note.pk, "title": note.title, "url": note.get_full_url(request)},
    }


def _visible(pk: int, *, now: datetime) -> Listed:
    """The event when its page is live under a live programme; else 404."""
    event = get_object_or_404(Event.objects.select_related("page"), pk=pk)
    # The source programme, so that the programme's id reads the same whether
    # the event was written in the default language or not.
    parent = event.page.get_parent()
    programme = ProgrammePage.objects.live().filter(pk=parent.pk).first()
    if programme is not None:
        programme = page_source_get(page=programme)
        series = events_of_programme(programme=programme, now=now)
        for item in chain(series.upcoming, series.past):
            if item.event.pk == event.pk:
                return programme, item
    raise exceptions.NotFound()


class EventDetailSerializer(GateSerializer, s.EventSerializer):
    pass


class EventListView(APIView):
    """Events of live pages with their RSVP state, yet to end first (soonest
    first), then past ones (latest first). Anyone; a key needs `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=TAGS,
        operation_id="events_list",
        parameters=[
            OpenApiParameter("programme", int, description="Programme page id"),
            OpenApiParameter(
                "when",
                str,
                enum=list(WHEN),
                description="upcoming: not yet ended; past: ended.",
            ),
            OpenApiParameter("limit", int),
            OpenApiParameter("offset", int),
        ],
        responses={200: s.PaginatedEventListSerializer, 400: ERRORS[400]},
    )
    def get(self, request: Request) -> Response:
        now = timezone.now()
        when = _when_param(request)
        paginator = ApiPagination()
        listed = _listed(_programmes(request), when=when, now=now)
        page = paginator.page(listed, request, view=self)
        data = _event_data(page, request, now=now)
        return paginator.get_paginated_response(s.EventSerializer(data, many=True).data)


class EventDetailView(APIView):
    """One event of a live page with its RSVP state. Anyone; a key needs
    `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=TAGS,
        operation_id="events_retrieve",
        parameters=[ID_PATH],
        responses={200: EventDetailSerializer, 404: ERRORS[404]},
    )
    def get(self, request: Request, id: int) -> Response:
        now = timezone.now()
        listed = _visible(id, now=now)
        (data,) = _event_data([listed], request, now=now)
        data.update(gate_data(listed[1].event))
        return Response(EventDetailSerializer(data).data)


# Answering -------------------------------------------------------------------


def _event_ref(event: Event, request: Request) -> dict[str, Any]:
    page = event.page.localized
    return {"id": event.pk, "title": page.title, "url": page.get_full_url(request)}


def _rsvp_list(event: Event, request: Request, view: APIView) -> Response:
    """One page of the event's answers (in the order given) and its counts;
    `event` carries the `with_rsvp_counts` annotations."""
    paginator = ApiPagination()
    rows = paginator.page(
        EventRsvp.objects.filter(event=event).order_by("created_at", "pk"),
        request,
        view=view,
    )
    state = event_rsvp_state(event=event)
    body = {
        "event": _event_ref(event, request),
        "counts": {
            "attending": state.attending_count,
            # with_rsvp_counts()'s annotation, which the stubs cannot see.
            "not_attending": event.not_attending_count,  # type: ignore[attr-defined]
            "places_left": state.places_left,
        },
        "count": paginator.count,
        "next": paginator.get_next_link(),
        "previous": paginator.get_previous_link(),
        "results": [_rsvp_row(rsvp) for rsvp in rows],
    }
    return Response(s.RsvpListSerializer(body).data)


def _rsvp_row(rsvp: EventRsvp) -> dict:
    return {
        "id": rsvp.pk,
        "attending": rsvp.attending,
        "name": rsvp.name,
        "email": rsvp.email,
        "institution": rsvp.institution,
        "country": rsvp.country,
        "language": rsvp.language,
        "answered_at": rsvp.created_at,
        "changed_at": rsvp.updated_at,
    }


class EventRsvpsView(SignUpView):
    """POST: answer an event's invitation (attending or not); a confirmation
    email follows, with a calendar entry when attending and a link to change
    the answer. Anyone, no account needed (throttled per address); a key needs
    `learning:write`. The answer echoes the request (normalised): the same
    email again changes nothing, answers exactly like the first time and
    emails that person their change link.

    GET: the event's RSVPs with counts. Coordinators only (signed-in people;
    others 403 `coordinator_required`, an app's key 403 `person_required`)."""

    signup_throttle = RsvpThrottle

    @extend_schema(
        tags=TAGS,
        operation_id="events_rsvps_list",
        parameters=[ID_PATH, *LIST_PAGE],
        responses={
            200: s.RsvpListSerializer,
            403: NOT_COORDINATOR,
            404: ERRORS[404],
        },
    )
    def get(self, request: Request, id: int) -> Response:
        if not user_is_coordinator(user=request.user):
            raise exceptions.PermissionDenied(
                _("Only coordinators see the answers to an event."),
                code="coordinator_required",
            )
        events = Event.objects.select_related("page").with_rsvp_counts()
        return _rsvp_list(get_object_or_404(events, pk=id), request, self)

    @extend_schema(
        tags=TAGS,
        operation_id="events_rsvps_create",
        request=s.RsvpRequestSerializer,
        parameters=[ID_PATH, IDEMPOTENCY],
        responses={
            201: s.RsvpReceivedSerializer,
            400: OpenApiResponse(
                description="Invalid input, or a rule refused the answer: "
                "`rsvp_closed`, `event_full`, `consent_required`, "
                "`name_required`."
            ),
            404: ERRORS[404],
            409: OpenApiResponse(description="Same key, still in progress."),
            422: OpenApiResponse(description="Same key, another body."),
            429: OpenApiResponse(description="Too many answers from this address."),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        return super().post(request, id)

    def sign_up(self, request: Request, id: int) -> Response:
        _programme, item = _visible(id, now=timezone.now())
        values = request_values(s.RsvpRequestSerializer, request)
        result = rsvp_submit(
            event=item.event, attending=values["attending"], **person_answers(values)
        )
        body = {
            "event": item.event.pk,
            "attending": result.attending,
            "name": result.name,
            "email": result.email,
            "language": result.language,
        }
        return Response(
            s.RsvpReceivedSerializer(body).data, status=status.HTTP_201_CREATED
        )


# Changing an answer ----------------------------------------------------------

TOKEN_PATH = OpenApiParameter(
    "token", str, OpenApiParameter.PATH, description="From the RSVP email's link."
)


def _rsvp_for_token(token: str) -> EventRsvp:
    rsvp = rsvp_from_token(token=token)
    if rsvp is None:
        raise exceptions.NotFound(_("This link is not valid."))
    return rsvp


def _answer_body(rsvp: EventRsvp, request: Request) -> dict:
    state = event_rsvp_state(event=rsvp.event)
    return {
        "event": _event_ref(rsvp.event, request),
        "attending": rsvp.attending,
        "rsvp_closes_at": rsvp.event.rsvp_closes_at,
        "is_open": state.is_open,
    }


class RsvpAnswerView(APIView):
    """GET: an answer and its event, from the token of the email's link.
    POST: change it (`attending`) before the RSVP deadline; never a second
    RSVP. Anyone holding the link, no account needed; a key needs
    `learning:read` to read, `learning:write` to change. A forged or outdated
    token answers 404."""

    permission_classes = [OpenLearning]

    @extend_schema(
        tags=TAGS,
        operation_id="event_rsvps_retrieve",
        parameters=[TOKEN_PATH],
        responses={
            200: s.RsvpAnswerSerializer,
            404: OpenApiResponse(description="The link is not valid."),
        },
    )
    def get(self, request: Request, token: str) -> Response:
        rsvp = _rsvp_for_token(token)
        return Response(s.RsvpAnswerSerializer(_answer_body(rsvp, request)).data)

    @extend_schema(
        tags=TAGS,
        operation_id="event_rsvps_change",
        parameters=[TOKEN_PATH],
        request=s.RsvpChangeSerializer,
        responses={
            200: s.RsvpAnswerSerializer,
            400: OpenApiResponse(
                description="`rsvp_closed` after the deadline; `event_full` "
                "when no place is left for attending."
            ),
            404: OpenApiResponse(description="The link is not valid."),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        rsvp = _rsvp_for_token(token)
        data = s.RsvpChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rsvp = rsvp_change(rsvp=rsvp, attending=data.validated_data["attending"])
        return Response(s.RsvpAnswerSerializer(_answer_body(rsvp, request)).data)
