"""The secretariat's admin: proposals with their reviews, and the programme's members.

Proposals are read-only here; reviewing, asking, accepting and declining go
through learning.proposals.review. Members are written through .members.
"""

from typing import Any

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form, Select
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.permissions import ModelPermissionPolicy

from learning.core.admin_views import (
    LearningModelViewSet,
    ServiceCreateView,
    ServiceEditView,
    form_errors_add,
)
from learning.core.types import signed_in_user

from .admin_forms import (
    AcceptForm,
    DeclineForm,
    MembershipForm,
    QuestionForm,
    ReviewForm,
)
from .enums import ProposalStatus
from .members import membership_create, membership_update
from .models import CallForProposalsPage, Membership, Proposal, ProposalReview
from .permissions import user_is_reviewer
from .review import (
    proposal_accept,
    proposal_decline,
    question_ask,
    review_save,
    reviewer_may_review,
)
from .review_selectors import (
    RubricCache,
    proposal_reviewer_scores,
    proposals_for_review,
    review_weighted_score,
    scores_mean,
)
from .selectors import Criterion, call_programme, call_rubric, call_source

NAME = "learning_proposals"
MEMBERS = "learning_members"


def score_display(score: float | None) -> str:
    """A weighted score as "3.67", or a dash before any review."""
    return "-" if score is None else number_format(score, decimal_pos=2)


def criteria_in_admin_language(call: CallForProposalsPage) -> list[Criterion]:
    """The call's rubric worded in the active (the user's admin) language."""
    translated = call.get_translation_or_none(Locale.get_active())
    return call_rubric(call=translated or call)


class ProposalFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(
        label=_("Call"),
        queryset=CallForProposalsPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("-first_published_at", "title"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[choice for choice in ProposalStatus.choices if choice[0] != "draft"],
    )

    class Meta:
        model = Proposal
        fields: list[str] = []


class ProposalIndexView(generic.IndexView):
    """Sent proposals with the weighted score and each reviewer's, side by side;
    holders of any proposal permission (the secretariat)."""

    def get_base_queryset(self) -> Any:
        return proposals_for_review()

    def get_table(self, object_list: Any) -> Any:
        # Weigh each row's reviews with its call's rubric, read once per call.
        rubrics = RubricCache()
        for proposal in object_list:
            scores = proposal_reviewer_scores(
                proposal=proposal, criteria=rubrics.criteria(proposal.call)
            )
            proposal.reviewer_scores = scores
            proposal.weighted_score = scores_mean(item.score for item in scores)
        return super().get_table(object_list)


def _reviewers_display(proposal: Proposal) -> str:
    return "; ".join(
        f"{item.reviewer}: {score_display(item.score)}"
        # Set by ProposalIndexView.get_table for its columns.
        for item in proposal.reviewer_scores  # type: ignore[attr-defined]
    )


class ProposalInspectView(generic.InspectView):
    """A proposal's text, every review by criterion, questions; the secretariat."""

    template_name = "proposals/admin/proposal_inspect.html"

    def get_object(self, queryset: Any = None) -> Proposal:
        proposals = proposals_for_review().prefetch_related("questions__asked_by")
        return get_object_or_404(proposals, pk=self.pk)

    @cached_property
    def criteria(self) -> list[Criterion]:
        return criteria_in_admin_language(self.object.call)

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        buttons = []
        for label, name, icon, shown in self._actions():
            if shown:
                url = reverse(f"{NAME}:{name}", args=[self.object.pk])
                buttons.append(Button(label, url=url, icon_name=icon, priority=10))
        history = reverse(f"{NAME}:history", args=[self.object.pk])
        buttons.append(
            Button(_("History"), url=history, icon_name="history", priority=50)
        )
        return buttons

    def _actions(self) -> list[tuple[Any, str, str, bool]]:
        user = self.request.user
        may_decide = reviewer_may_review(proposal=self.object, user=user)
        may_ask = user_is_reviewer(user) and (
            self.object.status == ProposalStatus.SUBMITTED
        )
        return [
            (_("Review"), "review", "pick", may_decide),
            (_("Ask the proposer"), "ask", "help", may_ask),
            (_("Accept"), "accept", "check", may_decide),
            (_("Decline"), "decline", "cross", may_decide),
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        criteria = self.criteria
        reviews = [
            _review_row(review, criteria) for review in self.object.reviews.all()
        ]
        context.update(
            proposal=self.object,
            criteria=criteria,
            reviews=reviews,
            weighted_score=score_display(
                scores_mean(row["weighted"] for row in reviews)
            ),
            questions=self.object.questions.all(),
        )
        return context


def _review_row(review: ProposalReview, criteria: list[Criterion]) -> dict[str, Any]:
    weighted = review_weighted_score(review=review, criteria=criteria)
    return {
        "reviewer": review.reviewer,
        "scores": [review.scores.get(criterion.id, "-") for criterion in criteria],
        "weighted": weighted,
        "weighted_display": score_display(weighted),
        "comment": review.comment,
    }


class ProposalActionView(
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
    FormView,  # type: ignore[type-arg]  # generic in the stubs only
):
    """A secretariat action on one proposal, through its service; reviewers only."""

    model = Proposal
    permission_policy = ModelPermissionPolicy(Proposal)
    permission_required = "view"
    template_name = "proposals/admin/proposal_form.html"
    header_icon = "doc-full"
    submit_label: Any = _("Save")
    success_message: Any = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not user_is_reviewer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def proposal(self) -> Proposal:
        return get_object_or_404(proposals_for_review(), pk=self.kwargs["pk"])

    @cached_property
    def inspect_url(self) -> str:
        return reverse(f"{NAME}:inspect", args=[self.proposal.pk])

    def get_page_subtitle(self) -> str:
        return self.proposal.title

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(f"{NAME}:index"),
                "label": capfirst(Proposal._meta.verbose_name_plural),
            },
            {"url": self.inspect_url, "label": self.proposal.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            proposal=self.proposal,
            cancel_url=self.inspect_url,
            submit_label=self.submit_label,
        )
        return context

    def service_call(self, form: Any) -> None:
        """Call the review service with the form's data."""
        raise NotImplementedError

    def form_valid(self, form: Form) -> HttpResponse:
        try:
            self.service_call(form)
        except ValidationError as error:
            form_errors_add(form=form, error=error)
            return self.form_invalid(form)
        messages.success(self.request, str(self.success_message))
        return redirect(self.inspect_url)


class ProposalReviewView(ProposalActionView):
    """Score each criterion, in the reviewer's admin language, and comment."""

    page_title = _("Review")
    submit_label = _("Save the review")
    success_message = _("Your review is saved.")

    def get_form(self, form_class: Any = None) -> ReviewForm:
        call = self.proposal.call
        reviewer = signed_in_user(self.request)
        review = self.proposal.reviews.filter(reviewer=reviewer).first()
        return ReviewForm(
            **self.get_form_kwargs(),
            criteria=criteria_in_admin_language(call),
            top_score=call_source(call=call).score_scale,
            review=review,
        )

    def service_call(self, form: ReviewForm) -> None:
        review_save(
            proposal=self.proposal,
            reviewer=self.request.user,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
        )


class ProposalAskView(ProposalActionView):
    form_class = QuestionForm
    page_title = _("Ask the proposer")
    submit_label = _("Send the question")
    success_message = _("The question is on its way to the proposer.")

    def service_call(self, form: QuestionForm) -> None:
        question_ask(
            proposal=self.proposal,
            reviewer=self.request.user,
            question=form.cleaned_data["question"],
        )


class ProposalAcceptView(ProposalActionView):
    """Date the session; a draft page with the proposal's text is made for editors."""

    form_class = AcceptForm
    page_title = _("Accept")
    submit_label = _("Accept and make the session")
    success_message = _(
        "Accepted: the session's draft page is ready for editing and translation."
    )

    def get_initial(self) -> dict[str, Any]:
        programme = call_programme(call=self.proposal.call)
        return {
            "time_zone": programme.time_zone,
            "interpretation_languages": list(programme.languages),
            "duration_minutes": 90,
        }

    def service_call(self, form: AcceptForm) -> None:
        data = form.cleaned_data
        proposal_accept(
            proposal=self.proposal,
            actor=self.request.user,
            starts_at=data["starts_at"],
            duration_minutes=data["duration_minutes"],
            time_zone=data["time_zone"],
            rsvp_closes_at=data["rsvp_closes_at"],
            interpretation_languages=data["interpretation_languages"],
            message=data["message"],
        )


class ProposalDeclineView(ProposalActionView):
    form_class = DeclineForm
    page_title = _("Decline")
    submit_label = _("Decline the proposal")
    success_message = _("Declined: the proposer is told, with your message.")

    def service_call(self, form: DeclineForm) -> None:
        proposal_decline(
            proposal=self.proposal,
            actor=self.request.user,
            message=form.cleaned_data["message"],
        )


class ProposalViewSet(LearningModelViewSet):
    """Proposals: list with scores, inspect, and the secretariat's actions."""

    model = Proposal
    name = NAME
    url_prefix = "learning/proposals"
    icon = "doc-full"
    menu_label = _("Proposals")
    excluded_views = frozenset({"add", "edit", "copy", "delete"})
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    filterset_class = ProposalFilterSet
    search_fields = ["title", "organisation__name"]
    list_display = [
        TitleColumn(
            "title",
            label=_("Proposal"),
            get_url=lambda proposal: reverse(f"{NAME}:inspect", args=[proposal.pk]),
        ),
        Column("organisation", label=_("Organisation"), accessor="organisation"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column(
            "weighted_score",
            label=_("Weighted score"),
            accessor=lambda proposal: score_display(proposal.weighted_score),
        ),
        Column(
            "reviewer_scores", label=_("Reviewers' scores"), accessor=_reviewers_display
        ),
        Column("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    inspect_view_fields = [
        "call",
        "organisation",
        "proposer",
        "status",
        "language",
        "summary",
        "lessons_learned",
        "results",
        "partners",
        "session_languages",
        "preferred_month",
        "submitted_at",
        "decided_at",
        "decided_by",
        "decision_message",
        "session_page",
    ]

    def get_urlpatterns(self) -> list[Any]:
        actions = (
            ("review", ProposalReviewView),
            ("ask", ProposalAskView),
            ("accept", ProposalAcceptView),
            ("decline", ProposalDeclineView),
        )
        return [
            *super().get_urlpatterns(),
            *(
                path(f"{name}/<int:pk>/", view.as_view(), name=name)
                for name, view in actions
            ),
        ]


class MembershipCreateView(ServiceCreateView):
    """Lets a person propose for their organisation; the add permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Membership:
        return membership_create(actor=self.request.user, **data)


class MembershipEditView(ServiceEditView):
    """Changes a member's organisation; the change permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Membership:
        return membership_update(
            membership=self.object, actor=self.request.user, **data
        )


class MembershipViewSet(LearningModelViewSet):
    """The people who may propose sessions, by programme and organisation."""

    model = Membership
    name = MEMBERS
    url_prefix = "learning/members"
    icon = "user"
    menu_label = _("Members")
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_display = ["user", "organisation", "programme", "created_at"]
    list_filter = ["programme", "organisation"]
    inspect_view_fields = ["programme", "user", "organisation", "created_at"]
    edit_handler = ObjectList(
        [FieldPanel("organisation")], base_form_class=MembershipForm
    )
    create_handler = ObjectList(
        [
            # A list of the few programmes with members, not the page chooser.
            FieldPanel("programme", widget=Select),
            FieldPanel("user"),
            FieldPanel("organisation"),
        ],
        base_form_class=MembershipForm,
    ).bind_to_model(Membership)

    def get_queryset(self, request: HttpRequest) -> Any:
        return Membership.objects.select_related("user", "organisation", "programme")
