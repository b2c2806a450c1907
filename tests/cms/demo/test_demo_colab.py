"""load_demo builds the CoLab (seed 003) in English, Spanish and French: an open
call, proposals in every state, and two sessions made from accepted proposals."""

import io
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.demo.builder import DemoBuilder
from cms.demo.colab import ensure_colab
from cms.demo.content import colab
from cms.demo.specs import demo_translation_key
from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import ProgrammePage
from learning.events.models import Event, EventRsvp
from learning.events.selectors import event_rsvp_state
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import CallForProposalsPage, Membership, Proposal
from learning.proposals.review_selectors import proposal_weighted_score
from learning.proposals.selectors import call_is_open, call_rubric

LANGUAGES = ("en", "es", "fr")


@pytest.fixture
def programme(demo_site) -> ProgrammePage:
    return ProgrammePage.objects.get(
        translation_key=demo_translation_key(colab.COLAB.key),
        locale__language_code="en",
    )


@pytest.fixture
def call(programme) -> CallForProposalsPage:
    return CallForProposalsPage.objects.child_of(programme).get()


def in_language(page, language: str):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def proposal(call, text: colab.ProposalText) -> Proposal:
    return Proposal.objects.get(call=call, title=text.title)


def sessions(call) -> dict[str, Event]:
    """The accepted proposals' events, by the session's key in the demo content."""
    return {
        session.proposal.key: Event.objects.get(
            page=proposal(call, session.proposal).session_page
        )
        for session in colab.SESSIONS
    }


def test_the_programme_is_member_led_sessions_live_in_three_languages(programme):
    assert programme.programme_format == ProgrammeFormat.PROPOSAL_SESSIONS
    assert programme.languages == list(LANGUAGES)
    for language in LANGUAGES:
        page = in_language(programme, language)
        assert page.live
        assert page.title == colab.COLAB.title.in_language(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_programme_and_call_pages_are_served_in_each_language(
    client, call, language
):
    for page, title in (
        (call.get_parent(), colab.COLAB.title),
        (call, colab.CALL["title"]),
    ):
        response = client.get(in_language(page, language).url)
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        assert html.html["lang"] == language
        assert html.h1.get_text(strip=True) == title.in_language(language)


def test_the_call_is_open_a_month_each_side_of_today(call):
    now = timezone.now()
    assert call_is_open(call=call, now=now)
    assert 29 <= (now - call.opens_at).days <= 30
    assert 29 <= (call.closes_at - now).days <= 30
    # Every translation is open exactly when the source is.
    for language in ("es", "fr"):
        translated = in_language(call, language)
        assert call_is_open(call=translated, now=now)


def test_the_rubric_weighs_the_seeds_four_criteria_in_every_language(call):
    criteria = call_rubric(call=call)
    assert [c.weight for c in criteria] == [3, 2, 2, 1]
    assert criteria[0].name.startswith("Alignment with the mission")
    for language in ("es", "fr"):
        translated = call_rubric(call=in_language(call, language))
        # Same criteria (ids, weights), in the page's words.
        assert [(c.id, c.weight) for c in translated] == [
            (c.id, c.weight) for c in criteria
        ]
        assert [c.name for c in translated] == [
            criterion.name.in_language(language) for criterion in colab.RUBRIC
        ]


def test_there_is_a_proposal_in_every_state(call):
    statuses = Counter(
        Proposal.objects.filter(call=call).values_list("status", flat=True)
    )
    assert statuses == {
        ProposalStatus.DRAFT: 1,
        ProposalStatus.SUBMITTED: 3,
        ProposalStatus.DECLINED: 1,
        ProposalStatus.WITHDRAWN: 1,
        ProposalStatus.ACCEPTED: 2,
    }
    languages = set(
        Proposal.objects.filter(call=call).values_list("language", flat=True)
    )
    assert languages == set(LANGUAGES)


def test_submitted_proposals_wait_on_a_question_or_carry_two_reviews(call):
    asked = proposal(call, colab.QUESTIONED)
    (question,) = asked.questions.all()
    assert question.answer == "" and question.answered_at is None

    reviewed = proposal(call, colab.REVIEWED)
    (answered,) = reviewed.questions.all()
    assert answered.answer == colab.ANSWER and answered.answered_at
    reviews = list(reviewed.reviews.select_related("reviewer"))
    assert {review.reviewer.email for review in reviews} == {
        colab.SECRETARIAT_EMAIL,
        colab.SECRETARIAT_FR_EMAIL,
    }
    criteria = call_rubric(call=call)
    for review in reviews:
        assert set(review.scores) == {criterion.id for criterion in criteria}
    score = proposal_weighted_score(proposal=reviewed, criteria=criteria)
    assert 1 <= score <= colab.SCORE_SCALE

    untouched = proposal(call, colab.SUBMITTED)
    assert not untouched.reviews.exists() and not untouched.questions.exists()


def test_the_declined_proposal_says_why_and_the_withdrawn_one_was_submitted(call):
    declined = proposal(call, colab.DECLINED)
    assert declined.decision_message == colab.DECLINE_MESSAGE
    assert declined.decided_by.email == colab.SECRETARIAT_EMAIL
    withdrawn = proposal(call, colab.WITHDRAWN)
    assert withdrawn.submitted_at is not None
    draft = proposal(call, colab.DRAFT)
    assert draft.submitted_at is None


def test_members_propose_for_three_organisations_and_the_secretariat_reviews(
    programme,
):
    memberships = Membership.objects.filter(programme=programme).select_related(
        "organisation", "user"
    )
    by_organisation = Counter(m.organisation.name for m in memberships)
    assert by_organisation == {
        colab.FATHERS.name: 2,
        colab.RED_HOMBRES.name: 1,
        colab.MASCULINITES.name: 1,
        colab.SECRETARIAT.name: 2,
    }
    reviewers = [
        m.user for m in memberships if m.organisation.name == colab.SECRETARIAT.name
    ]
    assert all(user.has_perm("proposals.add_proposalreview") for user in reviewers)
    members = [m.user for m in memberships if m.user not in reviewers]
    assert not any(user.has_perm("proposals.add_proposalreview") for user in members)


def test_two_sessions_one_held_with_three_recordings_one_taking_registrations(call):
    events = sessions(call)
    held = events[colab.SCHOOLS.proposal.key]
    upcoming = events[colab.POWER_WITH.proposal.key]
    now = timezone.now()
    assert held.ends_at < now < upcoming.rsvp_closes_at < upcoming.starts_at
    for event in (held, upcoming):
        # Held in English, interpreted into Spanish and French.
        assert event.track_languages() == list(LANGUAGES)
        assert event.starts_at.day in range(15, 22)  # the third Thursday
        assert event.starts_at.weekday() == 3
    recordings = dict(held.recordings.values_list("language", "url"))
    assert sorted(recordings) == sorted(LANGUAGES)
    assert held.recordings_announced_at is not None
    assert not upcoming.recordings.exists()
    assert event_rsvp_state(event=upcoming).is_open
    assert EventRsvp.objects.filter(event=upcoming, attending=True).count() == 3
    assert {r.language for r in EventRsvp.objects.filter(event=held)} == set(LANGUAGES)


def test_session_pages_are_live_in_three_languages_with_the_editors_text(call):
    for session in colab.SESSIONS:
        page = proposal(call, session.proposal).session_page.specific
        assert page.get_parent().specific == call.get_parent().specific
        for language in LANGUAGES:
            translated = in_language(page, language)
            assert translated.live
            assert translated.title == session.title.in_language(language)
            assert translated.introduction == session.introduction.in_language(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_programme_page_lists_the_sessions_in_each_language(client, call, language):
    response = client.get(in_language(call.get_parent(), language).url)
    content = response.content.decode()
    for session in colab.SESSIONS:
        page = proposal(call, session.proposal).session_page
        assert in_language(page, language).url in content


def test_french_pages_are_machine_translations_and_spanish_ones_are_not(call):
    pages = [call.get_parent(), call] + [
        proposal(call, session.proposal).session_page for session in colab.SESSIONS
    ]
    for page in pages:
        source = TranslationSource.objects.get_for_instance(page.specific)
        for language, kind in (
            ("fr", StringTranslation.TRANSLATION_TYPE_MACHINE),
            ("es", StringTranslation.TRANSLATION_TYPE_MANUAL),
        ):
            locale = Locale.objects.get(language_code=language)
            assert Translation.objects.filter(
                source=source, target_locale=locale
            ).exists()
            kinds = set(
                StringTranslation.objects.filter(
                    locale=locale, context__object_id=source.object_id
                ).values_list("translation_type", flat=True)
            )
            assert kinds == {kind}, (page.title, language)


def test_a_second_run_changes_nothing(programme):
    def totals():
        return [model.objects.count() for model in (Proposal, Event, EventRsvp)]

    before = totals()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    builder = DemoBuilder(
        english=locales["en"],
        spanish=locales["es"],
        log=io.StringIO().write,
        others={"fr": locales["fr"]},
    )
    created, _reused = ensure_colab(builder=builder, programme=programme)
    assert created == 0
    assert totals() == before
