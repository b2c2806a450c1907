"""The secretariat's admin: proposals with scores side by side, review, ask,
accept and decline; coordinators' members."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cms.demo.accounts import (
    COORDINATOR_PERMISSIONS,
    SECRETARIAT_PERMISSIONS,
    model_permissions,
)
from learning.events.models import Event
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import Membership, ProposalQuestion, ProposalReview
from tests.factories import UserFactory
from tests.factories.learning import OrganisationFactory
from tests.factories.proposals import (
    CallForProposalsPageFactory,
    MembershipFactory,
    ProposalFactory,
    ProposalQuestionFactory,
    ProposalReviewFactory,
)
from tests.learning.admin.html import listing_rows, row_of
from tests.learning.proposals.secretariat import bilingual_call

pytestmark = pytest.mark.django_db


def admin_user(name, permissions, **fields):
    group, _created = Group.objects.get_or_create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(permissions))
    user = UserFactory(**fields)
    user.groups.add(group)
    return user


@pytest.fixture
def secretary():
    """A member of the demo's Secretariat group."""
    return admin_user("Secretariat", SECRETARIAT_PERMISSIONS, first_name="Sam")


@pytest.fixture
def secretariat_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def coordinator_client(client):
    client.force_login(admin_user("Coordinators", COORDINATOR_PERMISSIONS))
    return client


def url(name, proposal=None, query=""):
    args = [proposal.pk] if proposal else []
    return reverse(f"learning_proposals:{name}", args=args) + query


def scores_of(proposal, *values):
    return {block.id: v for block, v in zip(proposal.call.rubric, values, strict=True)}


def score_fields(proposal, *values):
    scores = scores_of(proposal, *values)
    return {f"score_{key}": value for key, value in scores.items()}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


# --- The list ------------------------------------------------------------------


def test_the_list_shows_the_weighted_score_and_each_reviewers_side_by_side(
    secretariat_client,
):
    proposal = ProposalFactory(submitted=True, title="Listening to partners")
    ana = UserFactory(first_name="Ana", last_name="Reviewer")
    ProposalReviewFactory(
        proposal=proposal, reviewer=ana, scores=scores_of(proposal, 5, 5, 5)
    )
    ProposalReviewFactory(proposal=proposal, scores=scores_of(proposal, 2, 2, 2))
    ProposalFactory(call=proposal.call, title="A draft nobody sees")

    response = secretariat_client.get(url("index"))

    assert response.status_code == 200
    rows = listing_rows(response)
    assert [row[0] for row in rows] == ["Listening to partners"]
    row = row_of(response, "Listening to partners")
    assert "3.50" in row  # (5 + 2) / 2
    reviewers = next(cell for cell in row if "5.00" in cell)
    assert "Ana Reviewer: 5.00" in reviewers
    assert "2.00" in reviewers


def test_the_list_costs_the_same_queries_for_2_or_6_proposals(secretariat_client):
    call = CallForProposalsPageFactory()
    for _ in range(2):
        ProposalReviewFactory(proposal=ProposalFactory(submitted=True, call=call))
    secretariat_client.get(url("index"))  # warm caches (site, locales)
    with CaptureQueriesContext(connection) as few:
        secretariat_client.get(url("index"))
    for _ in range(4):
        proposal = ProposalFactory(submitted=True, call=call)
        ProposalReviewFactory.create_batch(2, proposal=proposal)

    with CaptureQueriesContext(connection) as many:
        response = secretariat_client.get(url("index"))

    assert len(listing_rows(response)) == 6
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_list_filters_by_call_and_status(secretariat_client):
    first = ProposalFactory(submitted=True, title="First call's")
    ProposalFactory(submitted=True, title="Another call's")
    ProposalFactory(
        submitted=True, call=first.call, status="declined", title="Declined one"
    )

    by_call = secretariat_client.get(url("index", query=f"?call={first.call.pk}"))
    by_status = secretariat_client.get(url("index", query="?status=declined"))

    assert sorted(row[0] for row in listing_rows(by_call)) == [
        "Declined one",
        "First call's",
    ]
    assert [row[0] for row in listing_rows(by_status)] == ["Declined one"]


def test_people_without_a_proposal_permission_are_kept_out(client):
    client.force_login(admin_user("Editors of pages", ()))

    response = client.get(url("index"))

    assert response.status_code == 302  # to the admin's home, with a message


# --- Inspect -------------------------------------------------------------------


def test_inspect_shows_the_text_reviews_by_criterion_and_questions(
    secretariat_client,
):
    proposal = ProposalFactory(
        submitted=True, lessons_learned="We stopped talking over partners."
    )
    ProposalReviewFactory(
        proposal=proposal, scores=scores_of(proposal, 5, 4, 3), comment="Strong."
    )
    ProposalQuestionFactory(proposal=proposal, question="Who facilitates?")

    response = secretariat_client.get(url("inspect", proposal))

    page = soup(response)
    assert "We stopped talking over partners." in page.get_text()
    reviews = page.select_one("table[data-reviews]")
    headers = [th.get_text(" ", strip=True) for th in reviews.select("thead th")]
    assert headers[1].startswith("Relevance")
    cells = [td.get_text(strip=True) for td in reviews.select("tbody td")]
    assert cells[:5] == ["5", "4", "3", "4.33", "Strong."]
    assert "Who facilitates?" in page.select_one("[data-questions]").get_text()
    assert page.find("a", href=url("review", proposal))


def test_criteria_are_named_in_the_reviewers_admin_language(home_pages, client):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call)
    spanish = admin_user("Secretariat", SECRETARIAT_PERMISSIONS)
    profile = UserProfile.get_for_user(spanish)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(spanish)

    response = client.get(url("review", proposal))

    labels = [label.get_text(strip=True) for label in soup(response).select("label")]
    assert any(label.startswith("Relevance (es)") for label in labels)


# --- Review --------------------------------------------------------------------


def test_a_reviewer_saves_a_review_through_the_form(secretariat_client, secretary):
    proposal = ProposalFactory(submitted=True)

    response = secretariat_client.post(
        url("review", proposal), {**score_fields(proposal, 5, 4, 3), "comment": "Ok"}
    )

    assert response.status_code == 302
    review = ProposalReview.objects.get(reviewer=secretary)
    assert review.scores == scores_of(proposal, 5, 4, 3)
    assert ModelLogEntry.objects.filter(action="proposals.reviewed").exists()


def test_a_missing_score_is_refused_with_the_services_message(secretariat_client):
    proposal = ProposalFactory(submitted=True)
    fields = score_fields(proposal, 5, 4, 3)
    fields.popitem()

    response = secretariat_client.post(url("review", proposal), fields)

    assert response.status_code == 200
    assert "Give a score for every criterion." in response.content.decode()
    assert not ProposalReview.objects.exists()


def test_a_reviewer_of_the_proposers_organisation_gets_no_review_button_nor_review(
    secretariat_client, secretary
):
    proposal = ProposalFactory(submitted=True)
    MembershipFactory(
        programme=proposal.call.get_parent().specific,
        user=secretary,
        organisation=proposal.organisation,
    )

    inspect = secretariat_client.get(url("inspect", proposal))
    posted = secretariat_client.post(
        url("review", proposal), score_fields(proposal, 5, 5, 5)
    )

    assert inspect.status_code == 200  # they see it
    assert not soup(inspect).find("a", href=url("review", proposal))
    assert not soup(inspect).find("a", href=url("accept", proposal))
    assert "your own organisation" in posted.content.decode()
    assert not ProposalReview.objects.exists()


def test_a_person_with_view_permission_only_cannot_review(client):
    proposal = ProposalFactory(submitted=True)
    client.force_login(admin_user("Readers", ("proposals.view_proposal",)))

    response = client.post(url("review", proposal), score_fields(proposal, 5, 5, 5))

    assert response.status_code in (302, 403)
    assert not ProposalReview.objects.exists()


# --- Ask, accept, decline -------------------------------------------------------


def test_a_reviewer_asks_the_proposer(secretariat_client, secretary):
    proposal = ProposalFactory(submitted=True)

    response = secretariat_client.post(
        url("ask", proposal), {"question": "Which partners?"}
    )

    assert response.status_code == 302
    assert ProposalQuestion.objects.get().asked_by == secretary


def test_the_accept_form_offers_the_programmes_zone_and_languages(
    secretariat_client,
):
    proposal = ProposalFactory(submitted=True)

    response = secretariat_client.get(url("accept", proposal))

    page = soup(response)
    checked = {box["value"] for box in page.select("input[type=checkbox][checked]")}
    assert checked == {"en", "es"}
    zone = page.select_one("select[name=time_zone] option[selected]")
    assert zone["value"] == "Europe/Madrid"


def test_accepting_in_the_admin_makes_the_draft_session(home_pages, secretariat_client):
    colab = bilingual_call(home_pages)
    proposal = ProposalFactory(submitted=True, call=colab.call, language="es")

    response = secretariat_client.post(
        url("accept", proposal),
        {
            "time_zone": "America/Bogota",
            "starts_at": "2030-03-10 10:00",
            "duration_minutes": "90",
            "rsvp_closes_at": "2030-03-08 17:00",
            "interpretation_languages": ["en", "fr"],
            "message": "Welcome",
        },
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.session_page.locale.language_code == "es"
    assert not proposal.session_page.live
    event = Event.objects.get()
    assert event.starts_at.isoformat() == "2030-03-10T15:00:00+00:00"  # Bogotá 10:00


def test_declining_without_a_message_is_refused(secretariat_client):
    proposal = ProposalFactory(submitted=True)

    refused = secretariat_client.post(url("decline", proposal), {"message": ""})
    declined = secretariat_client.post(url("decline", proposal), {"message": "No."})

    assert refused.status_code == 200
    assert "write a message" in refused.content.decode()
    assert declined.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED


# --- Members -------------------------------------------------------------------


def test_a_coordinator_makes_a_person_a_member(coordinator_client):
    call = CallForProposalsPageFactory()
    programme = call.get_parent().specific
    person = UserFactory()
    organisation = OrganisationFactory()

    response = coordinator_client.post(
        reverse("learning_members:add"),
        {
            "programme": programme.pk,
            "user": person.pk,
            "organisation": organisation.pk,
        },
    )

    assert response.status_code == 302
    membership = Membership.objects.get()
    assert (membership.user, membership.organisation) == (person, organisation)
    listing = coordinator_client.get(reverse("learning_members:index"))
    assert any(str(organisation) in " ".join(row) for row in listing_rows(listing))


def test_a_person_is_a_member_of_a_programme_once(coordinator_client):
    membership = MembershipFactory()

    response = coordinator_client.post(
        reverse("learning_members:add"),
        {
            "programme": membership.programme.pk,
            "user": membership.user.pk,
            "organisation": OrganisationFactory().pk,
        },
    )

    assert response.status_code == 200
    assert "already a member" in response.content.decode()
    assert Membership.objects.count() == 1
