"""A person's own learning data, the forum, attendance marking and readiness."""

from django.urls import path

from . import attendance, forum, me, readiness, surveys

urlpatterns: list = [
    path("me/", me.MeView.as_view(), name="me"),
    path("me/enrolments/", me.MyEnrolmentsView.as_view(), name="me-enrolments"),
    path("me/meetings/", me.MyMeetingsView.as_view(), name="me-meetings"),
    path("me/attendance/", me.MyAttendanceView.as_view(), name="me-attendance"),
    path("me/certificates/", me.MyCertificatesView.as_view(), name="me-certificates"),
    path("me/surveys/", surveys.MySurveysView.as_view(), name="me-surveys"),
    path("me/surveys/<int:pk>/", surveys.MySurveyView.as_view(), name="me-survey"),
    path(
        "me/surveys/<int:pk>/answers/",
        surveys.MySurveyAnswersView.as_view(),
        name="me-survey-answers",
    ),
    path("forum/threads/", forum.ThreadListView.as_view(), name="forum-threads"),
    path(
        "forum/threads/<int:pk>/",
        forum.ThreadDetailView.as_view(),
        name="forum-thread",
    ),
    path(
        "forum/threads/<int:pk>/posts/",
        forum.ThreadPostsView.as_view(),
        name="forum-thread-posts",
    ),
    path(
        "forum/threads/<int:pk>/follow/",
        forum.ThreadFollowView.as_view(),
        name="forum-thread-follow",
    ),
    path("forum/posts/<int:pk>/", forum.PostDetailView.as_view(), name="forum-post"),
    path(
        "forum/posts/<int:pk>/flag/",
        forum.PostFlagView.as_view(),
        name="forum-post-flag",
    ),
    path(
        "meetings/<int:pk>/attendance/",
        attendance.MeetingAttendanceView.as_view(),
        name="meeting-attendance",
    ),
    path(
        "editions/<int:id>/readiness/",
        readiness.EditionReadinessView.as_view(),
        name="edition-readiness",
    ),
]
