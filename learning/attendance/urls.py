from django.urls import path

from . import views

app_name = "attendance"

urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("mine/", views.my_attendance, name="mine"),
    path("meetings/<int:meeting_id>/", views.quick_sheet, name="sheet"),
    path("meetings/<int:meeting_id>/import/", views.zoom_import, name="import"),
    path(
        "meetings/<int:meeting_id>/import/confirm/",
        views.zoom_import_confirm,
        name="import-confirm",
    ),
]
