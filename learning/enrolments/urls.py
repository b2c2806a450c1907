from django.urls import path

from . import views

app_name = "enrolments"

urlpatterns = [
    path("<int:edition_id>/enrol/", views.enrolment_form, name="enrol"),
    path("<int:edition_id>/enrol/result/", views.enrolment_result, name="result"),
]
