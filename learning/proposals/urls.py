"""The member's pages of calls for proposals, mounted under /<language>/proposals/."""

from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("call/<int:call_id>/new/", views.proposal_create, name="create"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("<int:pk>/withdraw/", views.proposal_withdraw_view, name="withdraw"),
    path("questions/<int:pk>/answer/", views.question_answer_view, name="answer"),
]
