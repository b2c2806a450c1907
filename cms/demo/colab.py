"""The demo's CoLab programme (seed 003): its pages as specs, its members, proposals
and sessions as data made through the proposals and events services.

The call opened a month before the first run and closes a month after it. Six
proposals stand in every state a member or the secretariat can leave one in; two
more were accepted and became sessions: one held last month (recorded in English,
Spanish and French, the recordings announced), one next month taking
registrations. Sessions are monthly, on the third Thursday. A later run finds
everything by the call and the proposals' titles and changes nothing.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.openings import opening_decide
from learning.enrolments.models import Organisation
from learning.enrolments.services import organisation_get_or_create
from learning.events.models import Event, LearningEventPage
from learning.events.services import (
    event_recording_save,
    event_recordings_announce,
    event_update,
    rsvp_submit,
)
from learning.proposals.members import membership_create
from learning.proposals.models import CallForProposalsPage, Membership, Proposal
from learning.proposals.review import (
    proposal_accept,
    proposal_decline,
    question_ask,
    review_save,
)
from learning.proposals.selectors import call_rubric
from learning.proposals.services import (
    proposal_draft_save,
    proposal_submit,
    proposal_withdraw,
    question_answer,
)

from .blocks import stream
from .builder import DemoBuilder
from .content import colab
from .specs import PageSpec, demo_translation_key

TIME_ZONE = colab.COLAB.fields["time_zone"]
THURSDAY = 3
STARTS = time(14, 0)
MINUTES = 90
# Registration closes two days before a session, at the close of business.
RSVP_DAYS_BEFORE = 2
RSVP_CLOSES = time(17, 0)
INTERPRETATION = ["en", "es", "fr"]
# The demo accounts (cms/demo/accounts.py) who edit and publish session pages.
EDITOR_EMAIL = "editor@example.org"
MODERATOR_EMAIL = "coordinator@example.org"
UPCOMING_PLACES = 100
JOIN_URL = "https://zoom.example.org/j/9{day:%Y%m%d}"
RECORDING_URL = "https://video.example.org/colab/{slug}/{language}"


@dataclass(frozen=True)
class Registrant:
    name: str
    email: str
    institution: str
    country: str
    language: str
    attending: bool = True


HELD_PEOPLE = (
    Registrant("Wanjiru Kamau", colab.MEMBER_KENYA,
               colab.FATHERS.name, "Kenya", "en"),
    Registrant("Mateo Quispe", colab.MEMBER_BOLIVIA,
               colab.RED_HOMBRES.name, "Bolivia", "es"),
    Registrant("Awa Ndiaye", colab.MEMBER_SENEGAL,
               colab.MASCULINITES.name, "Senegal", "fr"),
    Registrant("Rahul Menon", "r.menon@forum.example.org",
               "Men for Gender Justice Forum", "India", "en"),
    Registrant("Camila Rojas", "crojas@redmasc.example.org",
               "Red de Masculinidades", "Chile", "es"),
    Registrant("Jean-Baptiste Habimana", "jb.habimana@rwamen.example.org",
               "Rwanda Men's Resource Centre", "Rwanda", "fr", attending=False),
)  # fmt: skip
UPCOMING_PEOPLE = (
    Registrant("Otieno Ouma", colab.MEMBER_KENYA_2,
               colab.FATHERS.name, "Kenya", "en"),
    Registrant("Awa Ndiaye", colab.MEMBER_SENEGAL,
               colab.MASCULINITES.name, "Senegal", "fr"),
    Registrant("Lucía Mamani", "lmamani@mujeres.example.org",
               "Colectivo de Mujeres de El Alto", "Bolivia", "es"),
    Registrant("Rahul Menon", "r.menon@forum.example.org",
               "Men for Gender Justice Forum", "India", "en", attending=False),
)  # fmt: skip


# --- Pages ---------------------------------------------------------------------------


def _call_spec(now: datetime) -> PageSpec:
    today = now.astimezone(UTC).date()
    return PageSpec(
        colab.CALL_KEY,
        "proposals.CallForProposalsPage",
        {
            **colab.CALL,
            "guidelines": stream(colab.GUIDELINES),
            "opens_at": datetime.combine(today - timedelta(days=30), time(9), UTC),
            "closes_at": datetime.combine(today + timedelta(days=30), time(17), UTC),
            "time_zone": TIME_ZONE,
            "rubric": [
                (
                    "criterion",
                    {
                        "name": criterion.name,
                        "description": criterion.description,
                        "weight": criterion.weight,
                    },
                )
                for criterion in colab.RUBRIC
            ],
            "score_scale": colab.SCORE_SCALE,
        },
    )


def programme_spec(now: datetime | None = None) -> PageSpec:
    """The CoLab programme page with its open call; sessions come from proposals."""
    programme = colab.COLAB
    return PageSpec(
        programme.key,
        "catalogue.ProgrammePage",
        {
            "title": programme.title,
            "slug": programme.slug,
            **programme.fields,
            "body": stream(colab.PROGRAMME_BODY),
        },
        children=(_call_spec(now or timezone.now()),),
    )


def session_spec(session: colab.Session) -> PageSpec:
    """The fields an editor gives the draft page an accepted proposal made."""
    return PageSpec(
        f"session-colab-{session.proposal.key}",
        "events.LearningEventPage",
        {
            "title": session.title,
            "slug": session.slug,
            "introduction": session.introduction,
            "key_questions": [("question", text) for text in session.key_questions],
            "body": [("paragraph", session.body)],
        },
    )


# --- Members, proposals and sessions -------------------------------------------------


class CoLabBuilder:
    """Makes the CoLab's data once, through the services a member and the
    secretariat use, so it satisfies the same rules as theirs."""

    def __init__(
        self,
        *,
        builder: DemoBuilder,
        programme: ProgrammePage,
        now: datetime | None = None,
    ):
        self.builder = builder
        self.now = now or timezone.now()
        self.programme = page_source_get(page=programme)
        self.call = (
            CallForProposalsPage.objects.child_of(self.programme)
            .filter(translation_key=demo_translation_key(colab.CALL_KEY))
            .get()
        )
        self.users = {
            user.email: user
            for user in get_user_model().objects.filter(email__in=colab.MEMBERS)
        }
        self.secretariat = self.users[colab.SECRETARIAT_EMAIL]
        self.secretariat_fr = self.users[colab.SECRETARIAT_FR_EMAIL]
        self.created = self.reused = 0

    def run(self) -> tuple[int, int]:
        self.members()
        for text, make in (
            (colab.DRAFT, self.draft),
            (colab.SUBMITTED, self.submitted),
            (colab.QUESTIONED, self.questioned),
            (colab.REVIEWED, self.reviewed),
            (colab.DECLINED, self.declined),
            (colab.WITHDRAWN, self.withdrawn),
        ):
            if self._existing(text) is None:
                make(text)
                self.created += 1
            else:
                self.reused += 1
        self.session(colab.SCHOOLS, self._third_thursday(months=-1), HELD_PEOPLE)
        self.session(colab.POWER_WITH, self._third_thursday(months=1), UPCOMING_PEOPLE)
        return self.created, self.reused

    # --- members ---

    def members(self) -> None:
        organisations = {
            organisation.key: self._organisation(organisation)
            for organisation in (*colab.MEMBER_ORGANISATIONS, colab.SECRETARIAT)
        }
        for email, organisation in colab.MEMBERS.items():
            user = self.users[email]
            if Membership.objects.filter(programme=self.programme, user=user).exists():
                self.reused += 1
                continue
            membership_create(
                programme=self.programme,
                user=user,
                organisation=organisations[organisation.key],
                actor=None,
            )
            self.created += 1

    @staticmethod
    def _organisation(organisation: colab.Organisation) -> Organisation:
        return organisation_get_or_create(
            name=organisation.name,
            country=organisation.country,
            website=f"https://{organisation.domain}/",
            domains=[organisation.domain],
        )

    # --- proposals in each state ---

    def draft(self, text: colab.ProposalText) -> Proposal:
        return proposal_draft_save(
            call=self.call, user=self.users[text.proposer], data=self._data(text)
        )

    def submitted(self, text: colab.ProposalText) -> Proposal:
        proposal = self.draft(text)
        return proposal_submit(
            proposal=proposal, user=self.users[text.proposer], alignment_confirmed=True
        )

    def questioned(self, text: colab.ProposalText) -> Proposal:
        proposal = self.submitted(text)
        question_ask(
            proposal=proposal, reviewer=self.secretariat, question=colab.QUESTION
        )
        return proposal

    def reviewed(self, text: colab.ProposalText) -> Proposal:
        proposal = self.submitted(text)
        question = question_ask(
            proposal=proposal,
            reviewer=self.secretariat,
            question=colab.ANSWERED_QUESTION,
        )
        question_answer(
            question=question, user=self.users[text.proposer], answer=colab.ANSWER
        )
        self._reviews(proposal, ((5, 4, 4, 5), (4, 5, 3, 4)))
        return proposal

    def declined(self, text: colab.ProposalText) -> Proposal:
        proposal = self.submitted(text)
        self._reviews(proposal, ((2, 1, 2, 2),))
        return proposal_decline(
            proposal=proposal, actor=self.secretariat, message=colab.DECLINE_MESSAGE
        )

    def withdrawn(self, text: colab.ProposalText) -> Proposal:
        proposal = self.submitted(text)
        proposal_withdraw(proposal=proposal, user=self.users[text.proposer])
        return proposal

    def _reviews(self, proposal: Proposal, score_rows: tuple[tuple[int, ...], ...]):
        """One review per row, by the two secretariat reviewers in turn."""
        criteria = call_rubric(call=self.call)
        for reviewer, scores in zip(
            (self.secretariat, self.secretariat_fr), score_rows, strict=False
        ):
            review_save(
                proposal=proposal,
                reviewer=reviewer,
                scores={
                    criterion.id: score
                    for criterion, score in zip(criteria, scores, strict=True)
                },
                comment="",
            )

    def _data(self, text: colab.ProposalText) -> dict[str, Any]:
        return {
            "language": text.language,
            "title": text.title,
            "summary": text.summary,
            "lessons_learned": text.lessons_learned,
            "results": text.results,
            "partners": text.partners,
            "session_languages": list(text.session_languages),
            "preferred_month": self._month(text.months_ahead),
        }

    def _existing(self, text: colab.ProposalText) -> Proposal | None:
        return Proposal.objects.filter(call=self.call, title=text.title).first()

    # --- sessions ---

    def session(
        self, content: colab.Session, day: date, people: tuple[Registrant, ...]
    ) -> None:
        """Accept the proposal, publish its page in every language, date it."""
        proposal = self._existing(content.proposal)
        if proposal is not None and proposal.session_page_id:
            self.reused += 1
            return
        proposal = proposal or self.submitted(content.proposal)
        self._reviews(proposal, ((5, 5, 4, 4), (5, 4, 4, 3)))
        starts_at = datetime.combine(day, STARTS, UTC)
        closes = day - timedelta(days=RSVP_DAYS_BEFORE)
        proposal = proposal_accept(
            proposal=proposal,
            actor=self.secretariat,
            starts_at=starts_at,
            duration_minutes=MINUTES,
            time_zone=TIME_ZONE,
            rsvp_closes_at=datetime.combine(closes, RSVP_CLOSES, UTC),
            interpretation_languages=INTERPRETATION,
        )
        page = self._publish(proposal.session_page, session_spec(content))
        event = Event.objects.get(page=page)
        # The gate held RSVPs while the page was a draft; translated now, it opens
        # (what the openings_refresh job does on the real site).
        opening_decide(subject=event)
        # The secretariat adds the meeting link, and places to one still to come.
        changes: dict[str, Any] = {"join_url": JOIN_URL.format(day=day)}
        if event.starts_at > self.now:
            changes["capacity"] = UPCOMING_PLACES
        event = event_update(event=event, actor=self.secretariat, **changes)
        self._registrations(event, people)
        if event.ends_at < self.now:
            self._recordings(event, content)
        self.created += 1

    def _publish(self, page, spec: PageSpec) -> LearningEventPage:
        """What an editor does with the draft: reword, publish, translate."""
        page = page.specific
        for name, value in self.builder.refs.resolve(spec.fields).items():
            setattr(page, name, value)
        # As on the real site: an editor rewords it, a moderator publishes it.
        editor, moderator = (
            get_user_model().objects.filter(email=email).first()
            for email in (EDITOR_EMAIL, MODERATOR_EMAIL)
        )
        page.save_revision(user=editor).publish(user=moderator)
        self.builder.translate(page, spec, changed=True)
        return page

    def _registrations(self, event: Event, people: tuple[Registrant, ...]) -> None:
        # One answer a day until the deadline, or until now while it is still open.
        last = min(event.rsvp_closes_at, self.now) - timedelta(hours=1)
        for index, person in enumerate(people):
            rsvp_submit(
                event=event,
                attending=person.attending,
                name=person.name,
                email=person.email,
                institution=person.institution,
                country=person.country,
                language=person.language,
                consent=True,
                now=last - timedelta(days=len(people) - index),
            )

    def _recordings(self, event: Event, content: colab.Session) -> None:
        for language in event.track_languages():
            event_recording_save(
                event=event,
                language=language,
                url=RECORDING_URL.format(slug=content.slug.en, language=language),
                actor=self.secretariat,
                now=self.now,
            )
        event_recordings_announce(event=event, actor=self.secretariat, now=self.now)

    # --- dates ---

    def _month(self, months_ahead: int) -> date:
        first = self.now.astimezone(UTC).date().replace(day=1)
        index = first.year * 12 + first.month - 1 + months_ahead
        return date(index // 12, index % 12 + 1, 1)

    def _third_thursday(self, *, months: int) -> date:
        first = self._month(months)
        first_thursday = first + timedelta(days=(THURSDAY - first.weekday()) % 7)
        return first_thursday + timedelta(weeks=2)


def ensure_colab(
    *, builder: DemoBuilder, programme: ProgrammePage, now: datetime | None = None
) -> tuple[int, int]:
    """The CoLab's members, proposals and sessions when missing; (made, reused)."""
    return CoLabBuilder(builder=builder, programme=programme, now=now).run()
