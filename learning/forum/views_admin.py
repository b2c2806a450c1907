"""Learning → Flagged posts: the moderation queue of the editions a user runs.

Coordinators (and superusers) see every edition's flagged posts, facilitators
those of the editions they facilitate; everyone else gets a 404. Hide, restore
and dismiss are one-click POSTs through the forum's services, which log them
with their actor (the post's history here, and Reports → Site history).
"""

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import path, reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.base import ViewSet

from learning.editions.models import Edition
from learning.enrolments.membership import (
    edition_list_facilitated,
    user_is_coordinator,
)

from .models import Post
from .selectors.moderation import (
    edition_list_moderated,
    flagged_post_views,
    post_flagged_list_for_moderator,
    post_flagged_waiting_count,
)
from .services import post_flags_dismiss
from .views.actions import POST_HIDE, POST_RESTORE, ForumActionView, message

PAGE_SIZE = 20
QUEUE = "learning_forum_flags"
WAITING, ALL = "waiting", "all"


def forum_moderates_any(user: Any) -> bool:
    """Whether the user moderates forums (menu, dashboard, access): coordinators
    always, facilitators while they facilitate an edition."""
    return (
        user_is_coordinator(user=user) or edition_list_facilitated(user=user).exists()
    )


def queue_url() -> str:
    return reverse(f"{QUEUE}:index")


class QueueFilterForm(forms.Form):
    """Which edition's flagged posts, and whether reviewed ones too."""

    edition = forms.ModelChoiceField(
        label=_("Edition"),
        queryset=Edition.objects.none(),
        required=False,
        empty_label=_("All my editions"),
    )
    show = forms.ChoiceField(
        label=_("Show"),
        choices=[
            (WAITING, _("Waiting for review")),
            (ALL, _("All flagged posts, reviewed ones too")),
        ],
        required=False,
    )

    def __init__(self, *args: Any, editions: QuerySet[Edition], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["edition"]
        field.queryset = editions  # type: ignore[attr-defined]  # a model choice field
        field.label_from_instance = _edition_name  # type: ignore[attr-defined]  # a model choice field

    def choice(self) -> tuple[Edition | None, bool]:
        """(edition or None for all, whether only posts waiting for review)."""
        if not self.is_valid():
            return None, True
        return self.cleaned_data["edition"], self.cleaned_data["show"] != ALL


def _edition_name(edition: Edition) -> str:
    return f"{edition.programme.title}: {edition.label}"


class QueueAccessMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not forum_moderates_any(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]  # a mixin's super


class FlaggedPostsView(QueueAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The queue: flagged posts, latest flag first, 20 a page, by edition.

    Access: coordinators (every edition) and facilitators (the editions they
    facilitate); 404 for other admin users. GET `edition`, `show`, `p`.
    """

    template_name = "learning/forum/admin/flagged_posts.html"
    page_title = _("Flagged posts")
    header_icon = "warning"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = QueueFilterForm(
            self.request.GET or None, editions=edition_list_moderated(user=user)
        )
        edition, waiting = form.choice()
        posts = post_flagged_list_for_moderator(
            user=user, edition=edition, waiting=waiting
        )
        page = Paginator(posts, PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            filter_form=form,
            waiting=waiting,
            page_obj=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            rows=flagged_post_views(
                posts=list(page.object_list),
                language=translation.get_language() or "",
                waiting=waiting,
            ),
            back=self.request.get_full_path(),
        )
        return context


def _queue_post_get(request: HttpRequest, pk: int) -> Post:
    """A post of an edition the user moderates; 404 for any other."""
    editions = edition_list_moderated(user=request.user).values("pk")
    post = (
        Post.objects.select_related("thread__edition")
        .filter(pk=pk, thread__edition__in=editions)
        .first()
    )
    if post is None:
        raise Http404
    return post


def _queue_back(request: HttpRequest, post: Post) -> str:
    """Back to the queue page the action was taken on (same filters and page)."""
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        return back
    return queue_url()


class QueueActionView(ForumActionView):
    """Hide, restore or dismiss the flags of a post from the queue.

    Access: coordinators, and facilitators of the post's edition (404 for other
    posts); POST with CSRF token, back to the queue.
    """

    lookup = staticmethod(_queue_post_get)
    back = staticmethod(_queue_back)


class PostHistoryView(QueueAccessMixin, HistoryView):
    """The post's audit log: who flagged, hid, restored or dismissed it, when.

    Access: coordinators, and facilitators of the post's edition (404 for other
    posts and other users).
    """

    model = Post
    # Access is the edition's, not a model permission: see get_object.
    any_permission_required = None
    index_url_name = f"{QUEUE}:index"
    history_url_name = f"{QUEUE}:history"
    history_results_url_name = f"{QUEUE}:history_results"

    def get_object(self) -> Post:
        return _queue_post_get(self.request, int(self.pk))

    @property
    def header_buttons(self) -> list[Any]:
        return []  # the post has no admin edit view


class FlaggedPostsPanel(Component):
    """Dashboard: "N flagged posts wait for review", for moderators when N > 0."""

    name = "learning_forum_flags"
    template_name = "learning/forum/admin/dashboard_panel.html"
    order = 40

    def __init__(self, *, user: Any) -> None:
        self.count = post_flagged_waiting_count(user=user)

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        return {"count": self.count, "url": queue_url()}


class FlaggedPostsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return forum_moderates_any(request.user)


class FlaggedPostsViewSet(ViewSet):
    """Learning → Flagged posts."""

    name = QUEUE
    url_prefix = "learning/flagged-posts"
    icon = "warning"
    menu_label = _("Flagged posts")
    menu_item_class = FlaggedPostsMenuItem

    def get_urlpatterns(self) -> list[Any]:
        history = {"header_icon": "history"}
        return [
            path("", FlaggedPostsView.as_view(), name="index"),
            path("<int:pk>/hide/", _hide_view, name="hide"),
            path("<int:pk>/restore/", _restore_view, name="restore"),
            path("<int:pk>/dismiss/", _dismiss_view, name="dismiss"),
            path(
                "<int:pk>/history/",
                PostHistoryView.as_view(**history),
                name="history",
            ),
            path(
                "<int:pk>/history-results/",
                PostHistoryView.as_view(results_only=True, **history),
                name="history_results",
            ),
        ]


_hide_view = QueueActionView.as_view(**POST_HIDE)
_restore_view = QueueActionView.as_view(**POST_RESTORE)
_dismiss_view = QueueActionView.as_view(
    act=lambda request, post: post_flags_dismiss(post=post, actor=request.user),
    done=message(_("The flags are dismissed; the post stays as it is.")),
)
