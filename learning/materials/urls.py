from django.urls import path

from . import views

app_name = "materials"

urlpatterns = [
    path("", views.material_home, name="home"),
    path("<int:edition_id>/", views.meeting_materials, name="edition"),
    path("<int:edition_id>/review/", views.review_toggle, name="review"),
    path("<int:edition_id>/progress/", views.review_progress, name="progress"),
    path("<int:edition_id>/shared/", views.shared_materials, name="shared"),
    path("shared/<int:pk>/download/", views.shared_download, name="shared-download"),
    path("shared/<int:pk>/hide/", views.shared_hide, name="shared-hide"),
    path("shared/<int:pk>/restore/", views.shared_restore, name="shared-restore"),
]
