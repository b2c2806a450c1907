"""Calls for proposals through the API: /api/v1/calls/ shows a call's public
fields in the reader's language (dates and rubric from its source page), only
for live, public calls; the content APIs list call pages with their public
fields; and no endpoint ever shows a proposal, its reviews or its questions."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction

from api.keys import personal_token_create
from tests.factories.proposals import (
    CallForProposalsPageFactory,
    MembershipFactory,
    ProposalFactory,
    ProposalQuestionFactory,
    ProposalReviewFactory,
    ProposalSessionsProgrammePageFactory,
)
from tests.factories.users import UserFactory

CALLS = "/api/v1/calls/"


def _translate(page, locale, **fields):
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def _spanish_rubric(call):
    """The call's rubric reworded, with the source's block ids (as translating
    through wagtail-localize keeps them)."""
    return [
        {
            "type": "criterion",
            "id": block["id"],
            "value": block["value"] | {"name": f"ES {block['value']['name']}"},
        }
        for block in call.rubric.raw_data
    ]


@pytest.fixture
def calls(home_pages, locales):
    """An open call translated into Spanish (whose copy carries dates of its own), a
    closed call and one yet to open, all under one live programme."""
    now = timezone.now()
    programme = ProposalSessionsProgrammePageFactory(
        parent__parent=home_pages["en"], title="Member-led sessions"
    )
    open_call = CallForProposalsPageFactory(
        parent=programme,
        title="Call 2027",
        introduction="Accountability to partners.",
        guidelines=[("paragraph", "<p>Describe one failure.</p>")],
    )
    open_es = _translate(
        open_call,
        locales["es"],
        title="Convocatoria 2027",
        introduction="Rendición de cuentas a las socias.",
        rubric=_spanish_rubric(open_call),
        opens_at=now + timedelta(days=300),
        closes_at=now + timedelta(days=400),
    )
    closed = CallForProposalsPageFactory(
        parent=programme,
        title="Call 2025",
        opens_at=now - timedelta(days=400),
        closes_at=now - timedelta(days=300),
    )
    coming = CallForProposalsPageFactory(
        parent=programme,
        title="Call 2028",
        opens_at=now + timedelta(days=200),
        closes_at=now + timedelta(days=260),
    )
    programme_es = open_es.get_parent().specific
    return {
        "programme": programme,
        "programme_es": programme_es,
        "open": open_call,
        "open_es": open_es,
        "closed": closed,
        "coming": coming,
    }


def _when(text: str) -> datetime:
    """A time the API gave (UTC, `…Z`), to the second."""
    assert text.endswith("Z")
    return datetime.fromisoformat(text).replace(microsecond=0)


def _by_id(response):
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["results"]}


def test_a_call_shows_its_public_fields_and_whether_it_takes_proposals(calls, api):
    call = calls["open"]

    listed = _by_id(api.get(CALLS))
    item = api.get(f"{CALLS}{call.pk}/").json()

    assert listed[call.pk] == item
    assert item["title"] == "Call 2027"
    assert item["locale"] == "en"
    assert item["theme"] == "Accountability to partners."
    assert item["alignment_statement"] == call.alignment_statement
    assert item["guidelines"][0]["type"] == "paragraph"
    assert "Describe one failure." in item["guidelines"][0]["value"]
    assert item["programme"] == {
        "id": calls["programme"].pk,
        "title": "Member-led sessions",
    }
    assert item["time_zone"] == "America/Bogota"
    assert _when(item["opens_at"]) == call.opens_at.replace(microsecond=0)
    assert _when(item["closes_at"]) == call.closes_at.replace(microsecond=0)
    assert [(c["id"], c["name"], c["weight"]) for c in item["rubric"]] == [
        (block.id, block.value["name"], block.value["weight"]) for block in call.rubric
    ]
    assert item["rubric"][0]["description"] == "How well: Relevance"
    assert {pk: row["is_open"] for pk, row in listed.items()} == {
        call.pk: True,
        calls["closed"].pk: False,
        calls["coming"].pk: False,
    }


@pytest.mark.parametrize("how", ["locale", "accept-language"])
def test_a_call_reads_in_the_asked_language_with_the_source_dates(calls, api, how):
    call, spanish = calls["open"], calls["open_es"]
    if how == "locale":
        response = api.get(f"{CALLS}{call.pk}/", {"locale": "es"})
    else:
        response = api.get(f"{CALLS}{call.pk}/", HTTP_ACCEPT_LANGUAGE="es")

    item = response.json()

    assert (item["id"], item["page_id"], item["locale"]) == (call.pk, spanish.pk, "es")
    assert item["title"] == "Convocatoria 2027"
    assert item["theme"] == "Rendición de cuentas a las socias."
    assert item["programme"]["id"] == calls["programme"].pk
    # The Spanish copy carries a later opening date: the source's date counts.
    assert item["opens_at"] == api.get(f"{CALLS}{call.pk}/").json()["opens_at"]
    assert item["is_open"] is True
    assert [(c["id"], c["name"]) for c in item["rubric"]] == [
        (block.id, f"ES {block.value['name']}") for block in call.rubric
    ]


def test_an_untranslated_call_reads_in_the_default_language(calls, api):
    item = api.get(f"{CALLS}{calls['closed'].pk}/", {"locale": "es"}).json()

    assert (item["locale"], item["title"]) == ("en", "Call 2025")


def test_only_live_public_calls_under_a_live_programme_are_shown(calls, api):
    programme = calls["programme"]
    draft = CallForProposalsPageFactory(parent=programme, live=False)
    private = CallForProposalsPageFactory(parent=programme)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    hidden_programme = ProposalSessionsProgrammePageFactory(
        parent=programme.get_parent()
    )
    orphan = CallForProposalsPageFactory(parent=hidden_programme)
    hidden_programme.unpublish()

    listed = _by_id(api.get(CALLS))

    assert set(listed) == {calls["open"].pk, calls["closed"].pk, calls["coming"].pk}
    for hidden in (draft, private, orphan, calls["open_es"]):
        assert api.get(f"{CALLS}{hidden.pk}/").status_code == 404


def test_calls_are_filtered_by_programme_and_by_being_open(calls, api):
    other = CallForProposalsPageFactory(
        parent__parent=calls["programme"].get_parent(), title="Other call"
    )
    mine = {calls["open"].pk, calls["closed"].pk, calls["coming"].pk}

    by_programme = _by_id(api.get(CALLS, {"programme": calls["programme"].pk}))
    by_translation = _by_id(api.get(CALLS, {"programme": calls["programme_es"].pk}))
    open_now = _by_id(api.get(CALLS, {"open": "true"}))
    not_open = _by_id(api.get(CALLS, {"open": "false"}))

    assert set(by_programme) == set(by_translation) == mine
    assert set(open_now) == {calls["open"].pk, other.pk}
    assert set(not_open) == {calls["closed"].pk, calls["coming"].pk}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_list_of_calls_costs_the_same_queries_whatever_its_length(
    calls, api, language
):
    def queries():
        api.get(CALLS, {"locale": language})  # fills the process caches
        with CaptureQueriesContext(connection) as context:
            response = api.get(CALLS, {"locale": language})
        assert response.status_code == 200, response.content
        return len(response.json()["results"]), len(context.captured_queries)

    few_items, few = queries()
    for number in range(4):
        CallForProposalsPageFactory(parent=calls["programme"], title=f"More {number}")
    more_items, more = queries()

    assert (few_items, more_items) == (3, 7)
    assert more == few


def test_calls_are_listed_latest_to_open_first_and_paged(calls, api):
    first = api.get(CALLS, {"limit": 2}).json()
    rest = api.get(CALLS, {"limit": 2, "offset": 2}).json()

    ids = [item["id"] for item in first["results"] + rest["results"]]
    assert first["count"] == 3
    assert ids == [calls["coming"].pk, calls["open"].pk, calls["closed"].pk]
    assert first["next"] and rest["next"] is None


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({"open": "maybe"}, "open", "invalid_choice"),
        ({"locale": "xx"}, "locale", "locale_unknown"),
        ({"programme": "abc"}, "programme", None),
    ],
)
def test_a_bad_filter_is_refused_with_its_field(calls, api, params, field, code):
    response = api.get(CALLS, params)

    assert response.status_code == 400
    (error,) = response.json()["fields"][field]
    if code:
        assert error["code"] == code


# The content APIs ------------------------------------------------------------


def _v2_calls(api, locale: str) -> list[dict]:
    fields = "opens_at,closes_at,time_zone,rubric,alignment_statement"
    response = api.get(
        "/api/v2/pages/",
        {"type": "proposals.CallForProposalsPage", "fields": fields, "locale": locale},
    )
    assert response.status_code == 200
    return response.json()["items"]


def test_the_stock_v2_api_lists_call_pages_with_their_rubric_and_dates(calls, api):
    source = calls["open"]

    (spanish,) = _v2_calls(api, "es")
    english = {item["id"]: item for item in _v2_calls(api, "en")}[source.pk]

    # Each page shows its own stored values (wagtail-localize copies the dates
    # to a translation); /api/v1/calls/ reads them from the source page.
    assert spanish["id"] == calls["open_es"].pk
    rubric = spanish["rubric"]
    shown = [(b["id"], b["value"]["name"], b["value"]["weight"]) for b in rubric]
    assert shown == [
        (b.id, f"ES {b.value['name']}", b.value["weight"]) for b in source.rubric
    ]
    assert english["time_zone"] == "America/Bogota"
    assert datetime.fromisoformat(english["opens_at"]) == source.opens_at
    assert datetime.fromisoformat(english["closes_at"]) == source.closes_at
    assert [b["id"] for b in english["rubric"]] == [b["id"] for b in rubric]


def test_the_stock_v2_api_hides_private_and_draft_calls(calls, api):
    private = CallForProposalsPageFactory(parent=calls["programme"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    draft = CallForProposalsPageFactory(parent=calls["programme"], live=False)

    response = api.get(
        "/api/v2/pages/", {"type": "proposals.CallForProposalsPage", "locale": "en"}
    )

    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {calls["open"].pk, calls["closed"].pk, calls["coming"].pk}
    assert not {private.pk, draft.pk} & ids


def test_the_v1_pages_endpoint_lists_call_pages_by_type(calls, api):
    response = api.get("/api/v1/pages/", {"type": "proposals.CallForProposalsPage"})

    items = response.json()["results"]
    assert {item["id"] for item in items} == {
        calls["open"].pk,
        calls["closed"].pk,
        calls["coming"].pk,
    }
    assert {item["type"] for item in items} == {"proposals.CallForProposalsPage"}


# Proposals are never public --------------------------------------------------

LEAK = "LEAK-"


@pytest.fixture
def proposal_world(calls):
    """A member's submitted proposal with a review, an answered question and a
    draft, each text marked, and callers: anonymous, the member, a reviewer."""
    call = calls["open"]
    member = MembershipFactory(programme=calls["programme"])
    texts = {
        name: f"{LEAK}{name}"
        for name in ("title", "summary", "lessons_learned", "results", "partners")
    }
    proposal = ProposalFactory(
        call=call,
        proposer=member.user,
        organisation=member.organisation,
        submitted=True,
        decision_message=f"{LEAK}decision",
        **texts,
    )
    draft = ProposalFactory(
        call=call, proposer=member.user, title=f"{LEAK}draft", summary=f"{LEAK}d"
    )
    reviewer = UserFactory()
    reviewer.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="proposals", codename="add_proposalreview"
        )
    )
    review = ProposalReviewFactory(
        proposal=proposal, reviewer=reviewer, comment=f"{LEAK}comment"
    )
    question = ProposalQuestionFactory(
        proposal=proposal,
        question=f"{LEAK}question",
        answer=f"{LEAK}answer",
        answered_at=timezone.now(),
    )
    ids = {
        calls["open"].pk,
        calls["open_es"].pk,
        calls["programme"].pk,
        proposal.pk,
        draft.pk,
        review.pk,
        question.pk,
    }
    return {"member": member.user, "reviewer": reviewer, "ids": sorted(ids)}


def _caller(user=None) -> APIClient:
    api = APIClient()
    if user is not None:
        _token, key = personal_token_create(user=user, name="leak check")
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return api


def _urls(schema_paths: dict, ids: list[int]) -> set[str]:
    """Every GET path of the schema with each candidate id (and a dummy token)."""
    urls = {"/api/v2/pages/?fields=*", "/api/v2/pages/?type=proposals.Proposal"}
    urls |= {f"/api/v2/pages/{pk}/?fields=*" for pk in ids}
    for path, item in schema_paths.items():
        if "get" not in item or path.endswith("/schema/"):
            continue
        if "{" not in path:
            urls.add(path)
            continue
        for pk in ids:
            filled = path
            for name in ("id", "pk", "edition_id", "meeting_id", "thread_id"):
                filled = filled.replace(f"{{{name}}}", str(pk))
            urls.add(filled.replace("{token}", "abc").replace("{code}", "ABCD-EFGH"))
    return urls


@pytest.mark.parametrize("who", ["anonymous", "member", "reviewer"])
def test_no_endpoint_shows_a_proposal_review_or_question(proposal_world, who):
    api = _caller(proposal_world.get(who))
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    urls = _urls(schema["paths"], proposal_world["ids"])

    answered = {url: api.get(url) for url in sorted(urls)}

    leaks = {url: r.status_code for url, r in answered.items() if LEAK in r.text}
    assert leaks == {}
    # The walk reached the calls and read page text (a broken walk would
    # prove nothing): the same check finds the call's public theme.
    assert answered[CALLS].status_code == 200
    assert sum("Accountability to partners." in r.text for r in answered.values()) > 2
    assert sum(r.status_code == 200 for r in answered.values()) > 10
