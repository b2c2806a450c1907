from django.urls import path

from . import views

app_name = "certificate_verify"

urlpatterns = [
    path("<str:code>/", views.certificate_verify, name="verify"),
]
