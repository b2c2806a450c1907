from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("<int:edition_id>/", views.forum_index, name="index"),
    path(
        "<int:edition_id>/threads/new/",
        views.thread_create_view,
        name="thread-create",
    ),
    path("threads/<int:pk>/", views.thread_detail, name="thread"),
    path("threads/<int:pk>/reply/", views.post_reply, name="reply"),
    path("threads/<int:pk>/follow/", views.thread_follow_view, name="follow"),
    path("threads/<int:pk>/unfollow/", views.thread_unfollow_view, name="unfollow"),
    path("threads/<int:pk>/pin/", views.thread_pin_view, name="pin"),
    path("threads/<int:pk>/lock/", views.thread_lock_view, name="lock"),
    path("threads/<int:pk>/mode/", views.thread_mode_view, name="mode"),
    path("posts/<int:pk>/edit/", views.post_edit_view, name="post-edit"),
    path("posts/<int:pk>/flag/", views.post_flag_view, name="post-flag"),
    path("posts/<int:pk>/hide/", views.post_hide_view, name="post-hide"),
    path("posts/<int:pk>/restore/", views.post_restore_view, name="post-restore"),
]
