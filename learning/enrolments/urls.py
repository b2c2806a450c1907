from django.urls import path

from . import views, views_offers

app_name = "enrolments"

urlpatterns = [
    path("<int:edition_id>/enrol/", views.enrolment_form, name="enrol"),
    path("<int:edition_id>/enrol/result/", views.enrolment_result, name="result"),
    *(
        path(
            f"offers/<str:token>/{answer}/",
            views_offers.offer_answer,
            {"answer": answer},
            name=f"offer_{answer}",
        )
        for answer in views_offers.OFFER_ANSWERS
    ),
]
